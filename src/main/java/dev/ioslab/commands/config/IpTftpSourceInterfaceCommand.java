package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code [no] ip tftp source-interface IF}: the interface whose address TFTP requests come from. */
public final class IpTftpSourceInterfaceCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("ip tftp source-interface IFNAME:name")
                .syntax("no ip tftp source-interface [IFNAME:name]")
                .help("tftp", "TFTP configuration commands")
                .help("source-interface", "Specify interface for source address in TFTP connections")
                .help("name", "GigabitEthernet IEEE 802.3z")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        SourceInterfaceSetting.apply(inv, inv.context().device().config()::setTftpSourceInterface);
    }
}
