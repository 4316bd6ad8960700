package dev.ioslab.commands.line;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * {@code privilege level N} / {@code no privilege level}: the privilege a session on the line starts with, for a
 * line-password login and for a local user who has no privilege of their own.
 */
public final class PrivilegeLevelCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_LINE)
                .syntax("privilege level <0-15>:level")
                .syntax("no privilege level")
                .help("privilege", "Change privilege level for line")
                .help("level", "Assign default privilege level for line")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Integer level = inv.isNo() ? null : (int) inv.number("level", 1);
        LineRange range = (LineRange) inv.context().modeTarget();
        range.states(inv.context().device().config()).forEach(l -> l.setPrivilegeLevel(level));
    }
}
