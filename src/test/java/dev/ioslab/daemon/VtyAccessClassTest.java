package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.testing.SshShell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code access-class N in} through real connections: a source the list denies is closed before login on Telnet and
 * SSH alike, a source it permits gets the login prompt.
 */
class VtyAccessClassTest {

    @TempDir
    Path dir;

    @Test
    void aDeniedSourceIsClosedBeforeLoginAndAPermittedOneIsAdmitted() throws Exception {
        try (RackFixture rack = new RackFixture(dir, 1)) {
            rack.daemon.devices().get(0).replayConfig("access-list 10 permit host 127.0.0.2\n"
                    + "line vty 0 4\n access-class 10 in\n");
            int telnet = rack.port("r1", "telnet");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), telnet)) {
                s.setSoTimeout(10_000);
                assertThat(s.getInputStream().readAllBytes()).as("Telnet from a denied source").isEmpty();
            }
            InetSocketAddress ssh = new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh"));
            assertThatThrownBy(() -> SshShell.open(ssh, "admin", "admin").close()).isInstanceOf(Exception.class);

            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), telnet,
                    InetAddress.getByName("127.0.0.2"), 0)) {
                s.setSoTimeout(10_000);
                assertThat(readUntil(s.getInputStream(), "Username: ")).endsWith("Username: ");
            }
        }
    }

    private static String readUntil(InputStream in, String expected) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.ISO_8859_1).endsWith(expected)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            seen.write(b);
        }
        return seen.toString(StandardCharsets.ISO_8859_1);
    }
}
