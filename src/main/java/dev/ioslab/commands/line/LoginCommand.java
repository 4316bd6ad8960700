package dev.ioslab.commands.line;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.LineState;

/** {@code login [local]} / {@code no login}: how the lines ask for credentials. */
public final class LoginCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_LINE)
                .syntax("login [local]")
                .syntax("no login")
                .help("login", "Enable password checking")
                .help("local", "Local password checking")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        LineState.Login login = inv.isNo() ? LineState.Login.NONE
                : inv.has("local") ? LineState.Login.LOCAL : LineState.Login.LINE_PASSWORD;
        LineRange range = (LineRange) inv.context().modeTarget();
        range.states(inv.context().device().config()).forEach(l -> l.setLogin(login));
    }
}
