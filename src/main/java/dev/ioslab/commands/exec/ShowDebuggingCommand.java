package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.image.DebugCategory;
import java.util.Set;

/**
 * {@code show debugging}: the kinds of debugging that are on, grouped under their feature as IOS lists them; nothing
 * when none is.
 */
public final class ShowDebuggingCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).pipeable()
                .syntax("show debugging")
                .help("debugging", "State of each debugging option")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Set<DebugCategory> on = inv.context().device().softwareAuthenticity().debugging();
        if (on.isEmpty()) {
            return;
        }
        inv.println("Software Authenticity:");
        for (DebugCategory c : on) {
            inv.println("  " + describe(c) + " debugging is on");
        }
    }

    /** {@code Software Authenticity envelope}: how IOS names one kind of debugging. */
    static String describe(DebugCategory c) {
        return "Software Authenticity " + c.keyword();
    }
}
