package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * {@code undebug all} and {@code no debug all}: turns every kind of debugging of the device off (software
 * authenticity is the only debugging the emulated IOS has) with IOS's confirmation.
 */
public final class UndebugAllCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("undebug all")
                .syntax("no debug all")
                .help("undebug", "Disable debugging functions (see also 'debug')")
                .help("debug", "Debugging functions (see also 'undebug')")
                .help("all", "Disable all debugging")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().device().softwareAuthenticity().undebugAll();
        inv.println("All possible debugging has been turned off");
    }
}
