package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code [no] ip ftp source-interface IF}: the interface whose address FTP connections come from. */
public final class IpFtpSourceInterfaceCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("ip ftp source-interface IFNAME:name")
                .syntax("no ip ftp source-interface [IFNAME:name]")
                .help("source-interface", "Specify interface for source address in FTP connections")
                .help("name", "GigabitEthernet IEEE 802.3z")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        SourceInterfaceSetting.apply(inv, inv.context().device().config()::setFtpSourceInterface);
    }
}
