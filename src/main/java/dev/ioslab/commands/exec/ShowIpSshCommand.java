package dev.ioslab.commands.exec;

import java.util.Optional;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.SshAlgorithms;
import dev.ioslab.device.SshServerConfig;

/**
 * {@code show ip ssh}: the SSH server's version, its authentication methods and the algorithm lists it really offers
 * (as the device's SSH server reported them when it started, in IOS 15.5+/IOS XE's layout), then the configured
 * {@code ip ssh time-out} and {@code authentication-retries}. The server speaks SSH 2 only and its smallest
 * Diffie-Hellman group is group 14 (2048 bits). A device whose SSH server has not started prints only the three lines
 * of older IOS 15 releases.
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
        Optional<SshAlgorithms> offered = inv.context().device().sshAlgorithms();
        inv.println("SSH Enabled - version 2.0");
        offered.ifPresent(a -> {
            inv.println("Authentication methods:publickey,keyboard-interactive,password");
            inv.println("Authentication Publickey Algorithms:" + String.join(",", a.publicKeyAlgorithms()));
            inv.println("Hostkey Algorithms:" + String.join(",", a.hostKeyAlgorithms()));
            inv.println("Encryption Algorithms:" + String.join(",", a.ciphers()));
            inv.println("MAC Algorithms:" + String.join(",", a.macs()));
            inv.println("KEX Algorithms:" + String.join(",", a.kex()));
        });
        inv.println("Authentication timeout: " + ssh.timeOutSeconds() + " secs; Authentication retries: "
                + ssh.authenticationRetries());
        inv.println("Minimum expected Diffie Hellman key size : 2048 bits");
    }
}
