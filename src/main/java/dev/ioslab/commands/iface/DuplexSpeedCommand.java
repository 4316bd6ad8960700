package dev.ioslab.commands.iface;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * {@code duplex auto} and {@code speed auto}: the only settings the emulated ports have (they negotiate nothing),
 * accepted so saved configurations replay cleanly; other values are refused with a caret as invalid input.
 */
public final class DuplexSpeedCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_IF)
                .syntax("duplex auto")
                .syntax("speed auto")
                .help("duplex", "Configure duplex operation.")
                .help("speed", "Configure speed operation.")
                .help("auto", "Enable AUTO duplex configuration")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        // Auto is the only mode an emulated port has; nothing changes.
    }
}
