package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code show history}: this session's command history, oldest first, indented two spaces. */
public final class ShowHistoryCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(0).pipeable()
                .syntax("show history")
                .help("history", "Display the session command history")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().history().entries().forEach(e -> inv.println("  " + e));
    }
}
