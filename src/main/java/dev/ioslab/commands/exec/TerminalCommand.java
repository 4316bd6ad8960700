package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * {@code terminal length|width|monitor|no monitor|history size}: per-session terminal settings. Silent, as every
 * automation tool expects; not part of the configuration.
 */
public final class TerminalCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(0)
                .syntax("terminal length <0-512>:length")
                .syntax("terminal width <0-512>:width")
                .syntax("terminal monitor")
                .syntax("terminal no monitor")
                .syntax("terminal history [size <0-256>:size]")
                .syntax("terminal no history")
                .help("terminal", "Set terminal line parameters")
                .help("length", "Set number of lines on a screen")
                .help("width", "Set width of the display terminal")
                .help("monitor", "Copy debug output to the current terminal line")
                .help("no", "Negate a command or set its defaults")
                .help("history", "Enable and control the command history function")
                .help("size", "Set history buffer size")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        if (inv.has("length")) {
            inv.context().setTerminalLength((int) inv.number("length", 24));
        } else if (inv.has("width")) {
            inv.context().setTerminalWidth((int) inv.number("width", 80));
        } else if (inv.has("monitor")) {
            inv.context().setTerminalMonitor(!inv.has("no"));
        } else if (inv.has("history")) {
            int size = inv.has("no") ? 0 : (int) inv.number("size", 10);
            inv.context().history().setSize(size);
        }
    }
}
