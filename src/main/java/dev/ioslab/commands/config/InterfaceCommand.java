package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * {@code interface X}: enters interface configuration for a port the platform has, or creates a loopback;
 * {@code no interface LoopbackN} deletes one.
 */
public final class InterfaceCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("interface IFNAME:name")
                .syntax("no interface IFNAME:name")
                .help("interface", "Select an interface to configure")
                .help("name", "GigabitEthernet IEEE 802.3z")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        var config = inv.context().device().config();
        String name = inv.arg("name");
        boolean loopback = name.startsWith("Loopback");
        if (!loopback && config.existingInterface(name).isEmpty()) {
            inv.rejectArgument("name");
            return;
        }
        if (inv.isNo()) {
            if (!config.removeInterface(name)) {
                inv.println("% Removal of physical interfaces is not permitted");
            }
            return;
        }
        config.interfaceFor(name);
        inv.context().enterMode(CliMode.CONFIG_IF, name);
    }
}
