package dev.ioslab.commands.line;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code exec-timeout MIN [SEC]} / {@code no exec-timeout}: idle time before a session is logged out. */
public final class ExecTimeoutCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_LINE)
                .syntax("exec-timeout <0-35791>:minutes [<0-2147483>:seconds]")
                .syntax("no exec-timeout")
                .help("exec-timeout", "Set the EXEC timeout")
                .help("minutes", "Timeout in minutes")
                .help("seconds", "Timeout in seconds")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        int minutes = inv.isNo() ? 10 : (int) inv.number("minutes", 10);
        int seconds = inv.isNo() ? 0 : (int) inv.number("seconds", 0);
        LineRange range = (LineRange) inv.context().modeTarget();
        range.states(inv.context().device().config()).forEach(l -> l.setExecTimeout(minutes, seconds));
    }
}
