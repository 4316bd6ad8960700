package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.SshServerConfig;

/**
 * {@code ip ssh authentication-retries N} / {@code no ip ssh authentication-retries}: failed logins an SSH connection
 * may make before it is dropped (IOS default 3).
 */
public final class IpSshAuthenticationRetriesCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("ip ssh authentication-retries <0-5>:retries")
                .syntax("no ip ssh authentication-retries")
                .help("ssh", "Configure ssh options")
                .help("authentication-retries", "Specify number of authentication retries")
                .help("retries", "Number of authentication retries")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        int retries = inv.isNo() ? SshServerConfig.DEFAULT_RETRIES
                : (int) inv.number("retries", SshServerConfig.DEFAULT_RETRIES);
        inv.context().device().config().ssh().setAuthenticationRetries(retries);
    }
}
