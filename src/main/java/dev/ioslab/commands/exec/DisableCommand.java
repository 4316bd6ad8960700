package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code disable}: back to user exec (privilege 1, prompt {@code >}). */
public final class DisableCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(0)
                .syntax("disable [<0-15>:level]")
                .help("disable", "Turn off privileged commands")
                .help("level", "Privilege level to go to")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        int level = (int) inv.number("level", 1);
        if (level < inv.context().privilege()) {
            inv.context().setPrivilege(level);
        }
    }
}
