package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.SshShell;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ip ssh time-out} and {@code ip ssh authentication-retries} as real SSH clients meet them. */
class SshLoginLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aShorterIpSshTimeOutDropsAConnectionThatDoesNotLogIn() throws Exception {
        // The fixture's daemon-wide login deadline is 30 s; the device's 1 s deadline must close the socket first.
        try (RackFixture rack = new RackFixture(dir, 1)) {
            rack.daemon.devices().get(0).replayConfig("ip ssh time-out 1\n");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), rack.port("r1", "ssh"))) {
                s.setSoTimeout(25_000);
                InputStream in = s.getInputStream();
                String banner = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(banner).startsWith("SSH-2.0-Cisco-1.25");
            }
        }
    }

    @Test
    void oneAuthenticationRetryDropsTheConnectionAfterTheFirstFailure() throws Exception {
        try (RackFixture rack = new RackFixture(dir, 1)) {
            rack.daemon.devices().get(0).replayConfig("ip ssh authentication-retries 1\n");
            SshClient client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
            client.start();
            try {
                ClientSession session = client.connect("admin", "127.0.0.1", rack.port("r1", "ssh"))
                        .verify(SshShell.WAIT).getSession();
                session.addPasswordIdentity("wrong-1");
                session.addPasswordIdentity("wrong-2");
                session.addPasswordIdentity("admin");
                session.auth().await(SshShell.WAIT);
                session.waitFor(List.of(ClientSession.ClientSessionEvent.CLOSED),
                        SshShell.WAIT);
                assertThat(session.isAuthenticated()).isFalse();
                assertThat(session.isOpen()).isFalse();
            } finally {
                client.stop();
            }
            try (SshShell ok = SshShell.open(new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh")),
                    "admin", "admin")) {
                assertThat(ok.await("r1#")).contains("r1#");
            }
        }
    }
}
