package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.device.Device;
import dev.ioslab.device.Platform;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files in flash are complete or absent: the daemon is killed with SIGKILL in the middle of a copy, then the device's
 * state is opened again (as a restart does) and holds no partial file.
 */
class KillDuringCopyTest {

    private static final long SOURCE_BYTES = 160L << 20;

    @TempDir
    Path dir;

    @Test
    void sigkillMidCopyLeavesTheFileCompleteOrAbsent() throws Exception {
        int[] ports = freePorts();
        Path state = dir.resolve("var");
        Path usb = state.resolve("devices/r1/usbflash0");
        Files.createDirectories(usb);
        Path source = usb.resolve("big.bin");
        writePattern(source);
        Path config = dir.resolve("ioslab.yaml");
        Files.writeString(config, """
                daemon: { stateDir: %s }
                imageRepository: { enabled: false, sampleImageBytes: 65536 }
                devices:
                  - { name: r1, sshPort: %d, telnetPort: %d, users: [{ name: admin, privilege: 15, secret: admin }] }
                """.formatted(state, ports[0], ports[1]));
        Process daemon = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), config.toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("daemon.log").toFile()).start();
        try {
            try (Socket s = connect(ports[1])) {
                s.setSoTimeout(30_000);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                readUntil(in, "Username: ");
                out.write("admin\r".getBytes(StandardCharsets.ISO_8859_1));
                readUntil(in, "Password: ");
                out.write("admin\r".getBytes(StandardCharsets.ISO_8859_1));
                readUntil(in, "r1#");
                out.write("copy usbflash0:big.bin usbflash0:copy.bin\r\r".getBytes(StandardCharsets.ISO_8859_1));
                readUntil(in, "Copy in progress...C");
                daemon.destroyForcibly();
                assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            daemon.destroyForcibly();
        }
        List<String> hiddenBefore;
        try (Stream<Path> files = Files.list(usb)) {
            hiddenBefore = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".") && !n.equals(".ioslab-index")).toList();
        }
        // What a restart does first: open the device's file systems, which removes the leftovers of interrupted writes.
        new Device("r1", Platform.c3900("FGL161010K8"), state.resolve("devices/r1"), Clock.systemUTC());
        try (Stream<Path> files = Files.list(usb)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".ioslab-index"))
                    .toList();
            assertThat(names).noneMatch(n -> n.startsWith(".")).contains("big.bin");
            if (names.contains("copy.bin")) {
                assertThat(Files.mismatch(source, usb.resolve("copy.bin"))).isEqualTo(-1L);
            } else {
                // The kill came mid-copy: the partial data was in a hidden temp file, now removed.
                assertThat(hiddenBefore).isNotEmpty();
            }
        }
    }

    @Test
    void sigkillDuringAReloadLeavesADeviceThatBootsWithItsSavedConfiguration() throws Exception {
        int[] ports = freePorts();
        Path state = dir.resolve("var");
        Path config = dir.resolve("ioslab.yaml");
        Files.writeString(config, """
                daemon: { stateDir: %s, bootTime: 5s }
                imageRepository: { enabled: false, sampleImageBytes: 65536 }
                devices:
                  - { name: r1, sshPort: %d, telnetPort: %d, users: [{ name: admin, privilege: 15, secret: admin }] }
                """.formatted(state, ports[0], ports[1]));
        Process daemon = startDaemon(config);
        try (Socket s = connect(ports[1])) {
            s.setSoTimeout(30_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            login(in, out);
            out.write("configure terminal\rhostname KEPT\rend\rwrite memory\r".getBytes(StandardCharsets.ISO_8859_1));
            readUntil(in, "[OK]");
            out.write("reload\r\r".getBytes(StandardCharsets.ISO_8859_1));
            readUntil(in, "[confirm]");
            // The device is now down for its boot time: kill the daemon in the middle of it.
            Thread.sleep(500);
        } finally {
            daemon.destroyForcibly();
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Process again = startDaemon(config);
        try (Socket s = connect(ports[1])) {
            s.setSoTimeout(30_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            login(in, out);
            out.write("show version\r".getBytes(StandardCharsets.ISO_8859_1));
            readUntil(in, "System image file is \"flash0:c3900-universalk9-mz.SPA.157-3.M8.bin\"");
        } finally {
            again.destroyForcibly();
            assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private Process startDaemon(Path config) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), config.toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("daemon.log").toFile())).start();
    }

    /** Telnet login as admin; returns once the prompt of the hostname the saved configuration gives is there. */
    private static void login(InputStream in, OutputStream out) throws Exception {
        readUntil(in, "Username: ");
        out.write("admin\r".getBytes(StandardCharsets.ISO_8859_1));
        readUntil(in, "Password: ");
        out.write("admin\r".getBytes(StandardCharsets.ISO_8859_1));
        readUntil(in, "#");
    }

    private static void writePattern(Path file) throws Exception {
        ByteBuffer block = ByteBuffer.allocate(1 << 20);
        for (int i = 0; i < block.capacity(); i++) {
            block.put((byte) (i * 31 + (i >> 11)));
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long written = 0; written < SOURCE_BYTES; written += block.capacity()) {
                block.rewind();
                while (block.hasRemaining()) {
                    ch.write(block);
                }
            }
        }
    }

    private static Socket connect(int port) throws Exception {
        long end = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), port);
            } catch (java.net.ConnectException e) {
                if (System.currentTimeMillis() > end) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void readUntil(InputStream in, String marker) throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed before '" + marker + "': " + seen);
            }
            seen.write(b);
        }
    }

    private static int[] freePorts() throws Exception {
        try (ServerSocket a = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket b = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }
}
