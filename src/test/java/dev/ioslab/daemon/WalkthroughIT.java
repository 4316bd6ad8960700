package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ioslab.testing.SshShell;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README, as a newcomer follows it: the packaged jar started with no arguments in a folder holding only the
 * repository's {@code conf/}, then the image walkthrough over SSH on r1, {@code examples/netmiko_upgrade.py}
 * unchanged on r2 and {@code examples/pytest_upgrade_faults.py} (faults injected through the control API) on r3.
 * Runs after {@code package} (failsafe), on the shipped ports; skipped when something else holds them.
 */
@Timeout(900)
class WalkthroughIT {

    private static final String SPECIAL = "c3900-universalk9-mz.SSA.159-3.M2.bin";
    private static final String CURRENT = "c3900-universalk9-mz.SPA.157-3.M8.bin";

    @TempDir
    Path dir;
    private Process daemon;

    @AfterEach
    void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.destroy();
            if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    @Test
    void theReadmeWalkthroughAndTheNetmikoExampleWork() throws Exception {
        for (int port : List.of(2201, 2202, 2203, 2301, 2302, 2303, 2121, 2280)) {
            assumeTrue(free(port), "port " + port + " is taken (is a daemon running?); the walkthrough needs it");
        }
        Path jar = Path.of("target", "ioslab.jar").toAbsolutePath();
        assertThat(jar).exists();
        copyTree(Path.of("conf").toAbsolutePath(), dir.resolve("conf"));
        daemon = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString()).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("daemon.log").toFile()).start();
        awaitLog("Log in with the users of conf/ioslab.yaml");
        String banner = Files.readString(dir.resolve("daemon.log"));
        assertThat(banner).contains("r1  ssh:  ssh -p 2201 <user>@127.0.0.1")
                .contains("image repository  ftp://127.0.0.1:2121/").contains("image repository  tftp://127.0.0.1:6969/");
        assertThat(dir.resolve("var/images/README.txt")).exists();

        InetSocketAddress r1 = new InetSocketAddress("127.0.0.1", 2201);
        try (SshShell shell = SshShell.open(r1, "admin", "admin")) {
            shell.await("r1#");
            shell.type("terminal length 0\rshow software authenticity keys\r");
            assertThat(shell.await("Key Version          : A\r\nr1#")).contains("Public Key #1 Information");
            shell.take();
            shell.type("copy /verify ftp://127.0.0.1:2121/" + SPECIAL + " flash0:\r");
            shell.await("Destination filename [" + SPECIAL + "]? ");
            shell.type("\r");
            assertThat(shell.await("Digital signature successfully verified in file flash0:/" + SPECIAL))
                    .contains("Accessing ftp://127.0.0.1:2121/" + SPECIAL + "...").contains("/4096 bytes]");
            shell.take();
            shell.type("copy tftp://127.0.0.1:6969/" + CURRENT + " usbflash0:\r");
            shell.await("Destination filename [" + CURRENT + "]? ");
            shell.type("\r");
            assertThat(shell.await("bytes/sec)")).contains("Loading " + CURRENT + " from 127.0.0.1 (via ");
            shell.type("configure terminal\rboot system flash0:" + SPECIAL + "\rend\rwrite memory\r");
            shell.await("[OK]");
            shell.type("reload\r");
            shell.await("Proceed with reload? [confirm]");
            shell.type("\r");
            assertThat(shell.awaitClosed()).isTrue();
        }
        awaitLogin(r1);
        try (SshShell shell = SshShell.open(r1, "admin", "admin")) {
            shell.await("r1#");
            shell.type("show version | include Version|image file|reload\r");
            assertThat(shell.await("Last reload reason: Reload Command")).contains("Version 15.9(3)M2,")
                    .contains("System image file is \"flash0:" + SPECIAL + "\"");
        }

        Process example = new ProcessBuilder("/usr/bin/python3", Path.of("examples", "netmiko_upgrade.py")
                .toAbsolutePath().toString(), "--port", "2202").redirectErrorStream(true).start();
        String out = new String(example.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(example.waitFor(300, TimeUnit.SECONDS)).isTrue();
        if (out.contains("No module named 'netmiko'")) {
            assumeTrue(false, "python3-netmiko is not installed");
        }
        assertThat(example.exitValue()).as(out).isZero();
        assertThat(out).contains("upgrade done");

        // The unhappy path, through the control API on r3: a timeout, a corrupted image, a reload into ROM monitor.
        Process faults = new ProcessBuilder("/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                Path.of("examples", "pytest_upgrade_faults.py").toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String report = new String(faults.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(faults.waitFor(480, TimeUnit.SECONDS)).isTrue();
        if (report.contains("No module named pytest")) {
            assumeTrue(false, "python3-pytest is not installed");
        }
        assertThat(faults.exitValue()).as(report).isZero();
        assertThat(report).contains("3 passed");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private void awaitLog(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(dir.resolve("daemon.log")) && Files.readString(dir.resolve("daemon.log")).contains(text)) {
                return;
            }
            assertThat(daemon.isAlive()).as("daemon exited: %s", Files.readString(dir.resolve("daemon.log")))
                    .isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("daemon did not start: " + Files.readString(dir.resolve("daemon.log")));
    }

    /** Polls until the device takes logins again after its boot time (bounded). */
    private static void awaitLogin(InetSocketAddress address) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(address.getAddress(), address.getPort())) {
                return;
            } catch (IOException refused) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the device did not come back");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
