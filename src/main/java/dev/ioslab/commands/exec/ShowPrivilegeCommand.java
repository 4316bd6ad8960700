package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code show privilege}: Ansible reads {@code Current privilege level is 15} as the last line. */
public final class ShowPrivilegeCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show privilege")
                .help("privilege", "Show current privilege level")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.println("Current privilege level is " + inv.context().privilege());
    }
}
