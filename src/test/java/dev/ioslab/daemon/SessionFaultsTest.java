package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.testing.SshShell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session faults injected through the fault routes: every session dropped at once, logins refused over SSH and
 * Telnet as a wrong password is, and a session's output delayed but whole and in order; after a reset a login
 * works again.
 */
@Timeout(120)
class SessionFaultsTest {

    @TempDir
    Path dir;

    private RackFixture rack;
    private FaultApi faults;
    private InetSocketAddress ssh;

    @BeforeEach
    void startRack() throws Exception {
        rack = new RackFixture(dir.resolve("var"), 1);
        faults = new FaultApi(rack);
        ssh = new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh"));
    }

    @AfterEach
    void stopRack() {
        rack.close();
    }

    @Test
    void dropAllClosesEverySessionAtOnce() throws Exception {
        try (SshShell first = SshShell.open(ssh, "admin", "admin");
             SshShell second = SshShell.open(ssh, "admin", "admin")) {
            first.await("r1#");
            second.await("r1#");

            assertThat(faults.add("r1", "{\"kind\":\"session\",\"type\":\"drop-all\"}")).containsEntry("fired", 1L);

            assertThat(first.awaitClosed()).isTrue();
            assertThat(second.awaitClosed()).isTrue();
        }
        assertThat(faults.reset()).isEqualTo(1);
        try (SshShell again = SshShell.open(ssh, "admin", "admin")) {
            again.type("show privilege\r");
            assertThat(again.await("Current privilege level is 15")).isNotEmpty();
        }
    }

    @Test
    void refusedLoginsFailOverSshAndTelnetAsAWrongPasswordDoes() throws Exception {
        faults.add("r1", "{\"kind\":\"session\",\"type\":\"refuse-logins\",\"untilRemoved\":true}");

        assertThatThrownBy(() -> SshShell.open(ssh, "admin", "admin").close()).isInstanceOf(IOException.class);
        String telnet = telnetLogin("admin", "admin");
        assertThat(telnet).contains("% Login invalid").doesNotContain("r1>").doesNotContain("r1#");
        assertThat(telnetLogin("admin", "wrong")).as("what a wrong password shows").contains("% Login invalid");
        assertThat((Long) faults.list("r1").get(0).get("fired")).isGreaterThanOrEqualTo(2L);

        assertThat(faults.reset()).isEqualTo(1);
        try (SshShell again = SshShell.open(ssh, "admin", "admin")) {
            assertThat(again.await("r1#")).isNotEmpty();
        }
        assertThat(telnetLogin("admin", "admin")).contains("r1#");
    }

    @Test
    void delayedOutputArrivesWholeAndInOrder() throws Exception {
        faults.add("r1", "{\"kind\":\"session\",\"type\":\"output-latency\",\"ms\":50}");
        try (SshShell shell = SshShell.open(ssh, "admin", "admin")) {
            shell.await("r1#");
            shell.type("terminal length 0\rshow version\rshow privilege\r");
            String out = shell.await("Current privilege level is 15");
            assertThat(out.indexOf("Configuration register")).isPositive()
                    .isLessThan(out.indexOf("show privilege"));
        }
        assertThat(faults.list("r1").get(0)).containsEntry("fired", 1L);
        assertThat(faults.reset()).isEqualTo(1);
    }

    @Test
    void delayedOutputOfAnExecCommandArrivesBeforeTheChannelCloses() throws Exception {
        faults.add("r1", "{\"kind\":\"session\",\"type\":\"output-latency\",\"ms\":50}");
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        client.start();
        try (ClientSession session = client.connect("admin", ssh.getHostString(), ssh.getPort())
                .verify(SshShell.WAIT).getSession()) {
            session.addPasswordIdentity("admin");
            session.auth().verify(SshShell.WAIT);

            // Fails unless the exit status is 0; returns what arrived before the channel closed.
            assertThat(session.executeRemoteCommand("show privilege")).isEqualTo("Current privilege level is 15\r\n");
        } finally {
            client.stop();
        }
    }

    /** Logs in over Telnet (answering no option) and returns what the device sent until a prompt or refusal. */
    private String telnetLogin(String user, String password) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", rack.port("r1", "telnet"))) {
            socket.setSoTimeout((int) SshShell.WAIT.toMillis());
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            readUntil(in, seen, "Username: ");
            socket.getOutputStream().write((user + "\r\n").getBytes(StandardCharsets.US_ASCII));
            readUntil(in, seen, "Password: ");
            socket.getOutputStream().write((password + "\r\n").getBytes(StandardCharsets.US_ASCII));
            readUntil(in, seen, "% Login invalid", "r1#", "r1>");
            return seen.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static void readUntil(InputStream in, ByteArrayOutputStream seen, String... any) throws IOException {
        while (true) {
            String text = seen.toString(StandardCharsets.ISO_8859_1);
            for (String s : any) {
                if (text.contains(s)) {
                    return;
                }
            }
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before " + String.join(" or ", any) + ": " + text);
            }
            seen.write(b);
        }
    }
}
