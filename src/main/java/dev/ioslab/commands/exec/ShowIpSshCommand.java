package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.SshServerConfig;

/**
 * {@code show ip ssh}: the SSH server's version and the configured {@code ip ssh time-out} and
 * {@code authentication-retries}, in IOS 15's three-line form. The server speaks SSH 2 only and its smallest
 * Diffie-Hellman group is group 14 (2048 bits).
 */
public final class ShowIpSshCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show ip ssh")
                .help("ip", "IP information")
                .help("ssh", "Information on SSH")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        SshServerConfig ssh = inv.context().device().config().ssh();
        inv.println("SSH Enabled - version 2.0");
        inv.println("Authentication timeout: " + ssh.timeOutSeconds() + " secs; Authentication retries: "
                + ssh.authenticationRetries());
        inv.println("Minimum expected Diffie Hellman key size : 2048 bits");
    }
}
