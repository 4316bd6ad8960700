package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.device.SshAlgorithms;
import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code show ip ssh} prints the algorithm lists the device's SSH server reported, in IOS XE's layout. */
class ShowIpSshAlgorithmsTest {

    @TempDir
    Path dir;

    @Test
    void theOfferedListsAppearBetweenTheVersionAndTheTimeout() {
        CliTester t = CliTester.privileged(dir);
        t.device().setSshAlgorithms(new SshAlgorithms(List.of("ecdh-sha2-nistp256", "curve25519-sha256"),
                List.of("ecdsa-sha2-nistp256"), List.of("aes128-ctr", "aes256-gcm@openssh.com"),
                List.of("hmac-sha2-256"), List.of("ecdsa-sha2-nistp256", "rsa-sha2-512")));

        assertThat(t.text("show ip ssh\r")).isEqualTo("show ip ssh\r\n"
                + "SSH Enabled - version 2.0\r\n"
                + "Authentication methods:publickey,keyboard-interactive,password\r\n"
                + "Authentication Publickey Algorithms:ecdsa-sha2-nistp256,rsa-sha2-512\r\n"
                + "Hostkey Algorithms:ecdsa-sha2-nistp256\r\n"
                + "Encryption Algorithms:aes128-ctr,aes256-gcm@openssh.com\r\n"
                + "MAC Algorithms:hmac-sha2-256\r\n"
                + "KEX Algorithms:ecdh-sha2-nistp256,curve25519-sha256\r\n"
                + "Authentication timeout: 120 secs; Authentication retries: 3\r\n"
                + "Minimum expected Diffie Hellman key size : 2048 bits\r\n"
                + "R1#");
    }
}
