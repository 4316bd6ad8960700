package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code exit} in a configuration mode: one level up (sub-mode to global, global to exec). One per mode. */
public final class ExitModeCommand implements SimpleCommand {

    private final CliMode mode;

    public ExitModeCommand(CliMode mode) {
        this.mode = mode;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(mode)
                .syntax("exit")
                .help("exit", mode == CliMode.CONFIG ? "Exit from configure mode" : "Exit from the current mode")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().enterMode(mode.parent(), null);
    }
}
