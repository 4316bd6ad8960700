package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.SshServerConfig;

/**
 * {@code ip ssh time-out SECONDS} / {@code no ip ssh time-out}: how long an SSH connection has to log in (IOS default
 * 120 s). Applies to connections accepted afterwards.
 */
public final class IpSshTimeOutCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("ip ssh time-out <1-120>:seconds")
                .syntax("no ip ssh time-out")
                .help("ssh", "Configure ssh options")
                .help("time-out", "Specify SSH time-out interval")
                .help("seconds", "SSH time-out interval (secs)")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        int seconds = inv.isNo() ? SshServerConfig.DEFAULT_TIME_OUT
                : (int) inv.number("seconds", SshServerConfig.DEFAULT_TIME_OUT);
        inv.context().device().config().ssh().setTimeOutSeconds(seconds);
    }
}
