package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code transport input ssh} on the vty lines: Telnet connections are closed before any login. */
class TransportInputTest {

    @TempDir
    Path dir;

    @Test
    void telnetIsRefusedWhenOnlySshIsAllowed() throws Exception {
        try (RackFixture rack = new RackFixture(dir, 1)) {
            rack.daemon.devices().get(0).replayConfig("line vty 0 4\n transport input ssh\n");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), rack.port("r1", "telnet"))) {
                s.setSoTimeout(5000);
                InputStream in = s.getInputStream();
                assertThat(in.readAllBytes()).isEmpty();
            }
            assertThat(rack.daemon.devices().get(0).acceptsTransport("ssh")).isTrue();
            rack.daemon.devices().get(0).replayConfig("line vty 0 4\n transport input all\n");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), rack.port("r1", "telnet"))) {
                s.setSoTimeout(5000);
                byte[] first = new byte[64];
                assertThat(s.getInputStream().read(first)).isPositive();
            }
        }
    }
}
