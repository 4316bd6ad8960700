package dev.ioslab.commands.line;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code length N} / {@code no length}: the default screen length of new sessions on these lines. */
public final class LengthCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_LINE)
                .syntax("length <0-512>:lines")
                .syntax("no length")
                .help("length", "Set number of lines on a screen")
                .help("lines", "Number of lines on screen (0 for no pausing)")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Integer lines = inv.isNo() ? null : (int) inv.number("lines", 24);
        LineRange range = (LineRange) inv.context().modeTarget();
        range.states(inv.context().device().config()).forEach(l -> l.setLength(lines));
    }
}
