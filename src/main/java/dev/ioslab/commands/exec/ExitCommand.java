package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code exit} in exec mode: ends the session (the connection closes, as on a real vty). */
public final class ExitCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(0)
                .syntax("exit")
                .help("exit", "Exit from the EXEC")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().logout();
    }
}
