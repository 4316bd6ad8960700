package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code [no] ip ftp username NAME}: the FTP login when a URL names none (reference §5.3 precedence). */
public final class IpFtpUsernameCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("ip ftp username WORD:user")
                .syntax("no ip ftp username [WORD:user]")
                .help("ftp", "FTP configuration commands")
                .help("username", "Specify username for FTP connections")
                .help("user", "Username")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().device().config().setFtpUsername(inv.isNo() ? null : inv.arg("user"));
    }
}
