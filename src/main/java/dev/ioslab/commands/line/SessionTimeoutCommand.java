package dev.ioslab.commands.line;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * {@code session-timeout MIN [output]} / {@code no session-timeout}: a session with no input for MIN minutes (no input
 * and no output with {@code output}) is closed without a message; 0, the default, means never.
 */
public final class SessionTimeoutCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_LINE)
                .syntax("session-timeout <0-35791>:minutes [output]")
                .syntax("no session-timeout")
                .help("session-timeout", "Set interval for closing connection when there is no input traffic")
                .help("minutes", "Session timeout interval in minutes")
                .help("output", "Include output traffic as well as input traffic")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        int minutes = inv.isNo() ? 0 : (int) inv.number("minutes", 0);
        boolean output = !inv.isNo() && inv.has("output");
        LineRange range = (LineRange) inv.context().modeTarget();
        range.states(inv.context().device().config()).forEach(l -> l.setSessionTimeout(minutes, output));
    }
}
