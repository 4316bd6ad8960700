package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code end} in any configuration mode: back to privileged exec (like Ctrl-Z). One instance per mode. */
public final class EndCommand implements SimpleCommand {

    private final CliMode mode;

    public EndCommand(CliMode mode) {
        this.mode = mode;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(mode)
                .syntax("end")
                .help("end", "Exit from configure mode")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().enterMode(CliMode.EXEC, null);
    }
}
