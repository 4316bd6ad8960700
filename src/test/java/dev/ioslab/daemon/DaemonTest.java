package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.config.ConfigLoader;
import dev.ioslab.config.IoslabConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonTest {

    @TempDir
    Path dir;

    @Test
    void startsEveryDeviceWithItsListeners() throws Exception {
        try (RackFixture rack = new RackFixture(dir, 3)) {
            assertThat(rack.daemon.devices()).hasSize(3);
            assertThat(rack.daemon.listeners()).extracting(Daemon.Listener::device).contains("r1", "r2", "r3");
            for (Daemon.Listener l : rack.daemon.listeners()) {
                assertThat(l.address().getAddress().isLoopbackAddress()).isTrue();
                try (Socket s = new Socket(l.address().getAddress(), l.address().getPort())) {
                    assertThat(s.isConnected()).isTrue();
                }
            }
        }
    }

    @Test
    void neverLeavesAHalfBoundRack() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            int busy = taken.getLocalPort();
            int[] free = freePorts(3);
            String yaml = """
                    daemon: { stateDir: %s }
                    imageRepository: { enabled: false, sampleImageBytes: 65536 }
                    devices:
                      - { name: a1, sshPort: %d, telnetPort: %d, users: [{ name: admin, privilege: 15, secret: x }] }
                      - { name: a2, sshPort: %d, telnetPort: %d }
                    """.formatted(dir.resolve("var"), free[0], free[1], free[2], busy);
            IoslabConfig config = new ConfigLoader().parse(yaml, "test.yaml");
            Daemon daemon = new Daemon(config, dir, Clock.systemUTC());
            assertThatThrownBy(daemon::start).isInstanceOf(IOException.class)
                    .hasMessageContaining("127.0.0.1:" + busy);
            // What the failed start had bound is released again.
            for (int port : free) {
                try (ServerSocket again = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress())) {
                    assertThat(again.isBound()).isTrue();
                }
            }
        }
    }

    private static int[] freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        int[] ports = new int[n];
        try {
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
        return ports;
    }

    @Test
    void deviceStateSurvivesARestart() throws Exception {
        try (RackFixture rack = new RackFixture(dir, 1)) {
            var shell = rack.daemon.devices().get(0);
            shell.replayConfig("hostname KEEPME\n");
            shell.device().saveStartupConfig();
        }
        assertThat(Files.readString(dir.resolve("devices/r1/nvram/startup-config"))).contains("hostname KEEPME");
        try (RackFixture rack = new RackFixture(dir, 1)) {
            assertThat(rack.daemon.devices().get(0).device().config().hostname()).isEqualTo("KEEPME");
        }
    }
}
