package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code [no] ip ftp passive}: passive mode is the default; configurations show only {@code no ip ftp passive}. */
public final class IpFtpPassiveCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("[no] ip ftp passive")
                .help("passive", "Connect using passive mode")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().device().config().setFtpPassive(!inv.isNo());
    }
}
