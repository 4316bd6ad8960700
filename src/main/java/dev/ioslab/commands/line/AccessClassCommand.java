package dev.ioslab.commands.line;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * {@code access-class N in} / {@code no access-class N in}: only sources access list N permits may connect to the
 * line; a connection no free line admits is closed before login.
 */
public final class AccessClassCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_LINE)
                .syntax("access-class <1-199>:number in")
                .syntax("no access-class <1-199>:number in")
                .help("access-class", "Filter connections based on an IP access list")
                .help("number", "IP access list")
                .help("in", "Filter incoming connections")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Integer list = inv.isNo() ? null : (int) inv.number("number", 1);
        LineRange range = (LineRange) inv.context().modeTarget();
        range.states(inv.context().device().config()).forEach(l -> l.setAccessClassIn(list));
    }
}
