package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code logout} (and {@code quit}): ends the session. */
public final class LogoutCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(0)
                .syntax("logout")
                .syntax("quit")
                .help("logout", "Exit from the EXEC")
                .help("quit", "Exit from the EXEC")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().logout();
    }
}
