package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code config-register 0xNNNN}: takes effect at the next reload; {@code show version} says so until then. */
public final class ConfigRegisterCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("config-register <0x0-0xFFFF>:value")
                .syntax("no config-register")
                .help("config-register", "Define the configuration register")
                .help("value", "Config register number")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().device().config().setConfigRegister(inv.isNo() ? 0x2102 : (int) inv.number("value", 0x2102));
    }
}
