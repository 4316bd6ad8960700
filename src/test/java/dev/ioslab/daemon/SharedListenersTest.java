package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.config.DaemonSettings;
import dev.ioslab.config.DeviceSpec;
import dev.ioslab.config.ImageRepositorySettings;
import dev.ioslab.config.IoslabConfig;
import dev.ioslab.config.PlatformSpec;
import dev.ioslab.config.SharedListeners;
import dev.ioslab.config.TransferDefaults;
import dev.ioslab.config.UserSpec;
import dev.ioslab.testing.SshShell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rack in shared-listener mode: three devices on 127.0.0.1, 127.0.0.2 and 127.0.0.3 behind one SSH and one Telnet
 * socket (port 0), each connection going to the device that owns its destination address.
 */
@Timeout(120)
class SharedListenersTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Daemon daemon;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void sshAndTelnetReachTheDeviceOwningTheDestinationAddress() throws Exception {
        start(Duration.ofSeconds(3));
        for (int i = 1; i <= 3; i++) {
            try (SshShell shell = SshShell.open(address("127.0.0." + i, "ssh"), "admin", "admin")) {
                assertThat(shell.await("r" + i + "#")).contains("r" + i + "#");
                shell.type("show running-config | include hostname\r");
                assertThat(shell.await("hostname r" + i)).isNotEmpty();
            }
            try (Socket telnet = new Socket()) {
                telnet.connect(address("127.0.0." + i, "telnet"));
                telnet.setSoTimeout((int) WAIT.toMillis());
                assertThat(telnetLogin(telnet)).endsWith("r" + i + "#");
            }
        }
    }

    @Test
    void everyDevicePresentsItsOwnHostKeyMadeOnlyWhenFirstReached() throws Exception {
        start(Duration.ofSeconds(3));
        Path devices = dir.resolve("var").resolve("devices");
        assertThat(devices.resolve("r1").resolve("ssh").resolve("hostkey")).doesNotExist();
        Set<PublicKey> keys = new HashSet<>();
        for (int i = 1; i <= 2; i++) {
            PublicKey first = hostKey(address("127.0.0." + i, "ssh"));
            assertThat(hostKey(address("127.0.0." + i, "ssh"))).isEqualTo(first);
            keys.add(first);
        }
        assertThat(keys).hasSize(2);
        awaitFile(devices.resolve("r1").resolve("ssh").resolve("hostkey"));
        assertThat(devices.resolve("r3").resolve("ssh").resolve("hostkey")).doesNotExist();
    }

    @Test
    void connectionToAnAddressOfNoDeviceGetsNoByteAndIsClosed() throws Exception {
        start(Duration.ofSeconds(3));
        for (String protocol : List.of("ssh", "telnet")) {
            try (Socket socket = new Socket()) {
                socket.connect(address("127.0.0.9", protocol));
                socket.setSoTimeout((int) WAIT.toMillis());
                assertThat(socket.getInputStream().read()).as(protocol).isEqualTo(-1);
            }
        }
    }

    @Test
    void reloadMakesOnlyThatDeviceUnreachableUntilItBoots() throws Exception {
        start(Duration.ofSeconds(5));
        try (SshShell other = SshShell.open(address("127.0.0.1", "ssh"), "admin", "admin");
             SshShell reloading = SshShell.open(address("127.0.0.2", "ssh"), "admin", "admin")) {
            other.await("r1#");
            reloading.await("r2#");
            reloading.type("reload\r");
            reloading.await("Save? [yes/no]: ");
            reloading.type("no\r");
            reloading.await("Proceed with reload? [confirm]");
            reloading.type("\r");
            assertThat(reloading.awaitClosed()).isTrue();

            try (Socket refused = new Socket()) {
                refused.connect(address("127.0.0.2", "ssh"));
                refused.setSoTimeout((int) WAIT.toMillis());
                assertThat(refused.getInputStream().read()).isEqualTo(-1);
            }
            other.type("show privilege\r");
            assertThat(other.await("Current privilege level is 15")).isNotEmpty();
        }
        try (SshShell back = awaitLogin(address("127.0.0.2", "ssh"))) {
            assertThat(back.await("r2#")).contains("r2#");
        }
    }

    private void start(Duration bootTime) throws IOException {
        List<DeviceSpec> specs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            specs.add(new DeviceSpec("r" + i, new PlatformSpec(PlatformSpec.DEFAULT_MODEL, "FGL16102" + (100 + i),
                    PlatformSpec.DEFAULT_MAIN_MEMORY_KB, PlatformSpec.DEFAULT_IO_MEMORY_KB, PlatformSpec.DEFAULT_FLASH,
                    PlatformSpec.DEFAULT_NVRAM_BYTES), "127.0.0." + i, 0, 0,
                    List.of(new UserSpec("admin", 15, "admin")), "cisco", List.of()));
        }
        Path stateDir = dir.resolve("var");
        IoslabConfig config = new IoslabConfig(new DaemonSettings(stateDir, Path.of("conf/logback.xml"), 2,
                "127.0.0.1", Duration.ofSeconds(30), 2, bootTime,
                Optional.of(new SharedListeners("0.0.0.0", 0, 0))), specs,
                new ImageRepositorySettings(false, "127.0.0.1", 0, 0, stateDir.resolve("images"), 0, 0,
                        List.of(), false, 64 * 1024),
                TransferDefaults.DEFAULTS);
        daemon = new Daemon(config, Path.of("").toAbsolutePath(), Clock.systemUTC());
        daemon.start();
    }

    /** The device address on the shared listener's bound port. */
    private InetSocketAddress address(String host, String protocol) {
        int port = daemon.listeners().stream().filter(l -> l.protocol().equals(protocol)).findFirst().orElseThrow()
                .address().getPort();
        return new InetSocketAddress(host, port);
    }

    private static PublicKey hostKey(InetSocketAddress server) throws IOException {
        AtomicReference<PublicKey> seen = new AtomicReference<>();
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, remote, key) -> {
            seen.set(key);
            return true;
        });
        client.start();
        try (ClientSession session = client.connect("admin", server.getHostString(), server.getPort()).verify(WAIT)
                .getSession()) {
            session.addPasswordIdentity("admin");
            session.auth().verify(WAIT);
        } finally {
            client.stop();
        }
        return seen.get();
    }

    /** Logs in over Telnet as admin; returns what was read up to the first prompt after the password. */
    private static String telnetLogin(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        readUntil(in, "Username: ");
        out.write("admin\r".getBytes(StandardCharsets.ISO_8859_1));
        readUntil(in, "Password: ");
        out.write("admin\r".getBytes(StandardCharsets.ISO_8859_1));
        return readUntil(in, "#").strip();
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.ISO_8859_1).endsWith(marker)) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed before '" + marker + "': " + seen);
            }
            seen.write(b);
        }
        return seen.toString(StandardCharsets.ISO_8859_1);
    }

    /** Waits (bounded) until the device answers again after its reload: the server's identification arrives. */
    private static SshShell awaitLogin(InetSocketAddress server) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(server);
                probe.setSoTimeout((int) WAIT.toMillis());
                if (probe.getInputStream().read() == 'S') {
                    return SshShell.open(server, "admin", "admin");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(server + " did not come back after its reload");
            }
            Thread.sleep(100);
        }
    }

    /** The host key is written off the I/O thread; waits (bounded) for the file. */
    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file).exists();
    }
}
