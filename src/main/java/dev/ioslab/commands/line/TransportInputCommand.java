package dev.ioslab.commands.line;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code transport input all|none|ssh|telnet|telnet ssh}: which protocols may open these lines. */
public final class TransportInputCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_LINE)
                .syntax("transport input (all|none|ssh [telnet]|telnet [ssh])")
                .syntax("no transport input")
                .help("transport", "Define transport protocols for line")
                .help("input", "Define which protocols to use when connecting to the terminal server")
                .help("all", "All protocols")
                .help("none", "No protocols")
                .help("ssh", "TCP/IP SSH protocol")
                .help("telnet", "TCP/IP Telnet protocol")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        String value = null;
        if (!inv.isNo()) {
            value = String.join(" ", inv.keywords().subList(2, inv.keywords().size()));
        }
        LineRange range = (LineRange) inv.context().modeTarget();
        for (var l : range.states(inv.context().device().config())) {
            l.setTransportInput(value);
        }
    }
}
