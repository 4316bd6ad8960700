package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.testing.SshShell;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code line vty 0 4}: five sessions at most, the lowest free line for each, {@code clear line} frees one. */
class VtyLineLimitTest {

    @TempDir
    Path dir;

    @Test
    void sixthSessionIsRefusedAndAClearedLineIsReused() throws Exception {
        try (RackFixture rack = new RackFixture(dir, 1)) {
            InetSocketAddress ssh = new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh"));
            List<SshShell> shells = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    SshShell shell = SshShell.open(ssh, "admin", "admin");
                    shell.await("r1#");
                    shells.add(shell);
                }
                assertThatThrownBy(() -> SshShell.open(ssh, "admin", "admin").close()).isInstanceOf(Exception.class);
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), rack.port("r1", "telnet"))) {
                    s.setSoTimeout(20_000);
                    InputStream in = s.getInputStream();
                    assertThat(in.readAllBytes()).as("a Telnet connection with no free line").isEmpty();
                }

                SshShell first = shells.get(0);
                first.take();
                first.type("show users\r");
                String users = first.await("Peer Address");
                assertThat(users).contains("*   2 vty 0     admin      idle");
                for (int vty = 1; vty <= 4; vty++) {
                    assertThat(users).contains("    " + (2 + vty) + " vty " + vty + "     admin      idle");
                }
                assertThat(users).doesNotContain("vty 5");

                first.take();
                first.type("show ssh\r");
                String sessions = first.await("%No SSHv1 server connections running.");
                assertThat(sessions)
                        .contains("Connection Version Mode Encryption  Hmac         State                 Username");
                assertThat(sessions)
                        .containsPattern("\n0          2\\.0     IN   \\S+ +\\S+ +Session started       admin")
                        .containsPattern("\n4          2\\.0     OUT  \\S+ +\\S+ +Session started       admin");
                first.take();
                first.type("show line\r");
                String lines = first.await("     6 VTY");
                for (int tty = 2; tty <= 6; tty++) {
                    assertThat(lines).contains("*     " + tty + " VTY              -    -      -    -    -      1");
                }

                first.type("clear line vty 2\r");
                first.await("[confirm]");
                first.type("\r");
                first.await(" [OK]");
                assertThat(shells.get(2).awaitClosed()).isTrue();

                try (SshShell again = SshShell.open(ssh, "admin", "admin")) {
                    again.await("r1#");
                    again.take();
                    again.type("show users\r");
                    assertThat(again.await("Peer Address")).contains("*   4 vty 2     admin      idle");
                }
            } finally {
                for (SshShell s : shells) {
                    s.close();
                }
            }
        }
    }
}
