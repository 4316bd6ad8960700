package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code [no] ip scp server enable}: lets privileged users copy files with SCP over the device's SSH endpoint. */
public final class IpScpServerCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("[no] ip scp server enable")
                .help("scp", "Scp commands")
                .help("server", "Configure a SCP server")
                .help("enable", "Enable server side of SCP")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().device().config().setScpServer(!inv.isNo());
    }
}
