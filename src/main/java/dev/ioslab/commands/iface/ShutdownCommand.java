package dev.ioslab.commands.iface;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code [no] shutdown}: administrative state of the interface. */
public final class ShutdownCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_IF)
                .syntax("[no] shutdown")
                .help("shutdown", "Shutdown the selected interface")
                .help("no", "Negate a command or set its defaults")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().device().config().interfaceFor((String) inv.context().modeTarget()).setShutdown(!inv.isNo());
    }
}
