package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.testing.SshShell;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boot as an ISR G2 does it: a fresh device finds the lab's production image in flash0: and runs it (show version
 * and dir agree); boot system is followed when its image verifies and skipped when it does not; with no image that
 * verifies the device stays in ROM monitor and refuses logins, saying why.
 */
@Timeout(120)
class BootTest {

    private static final String CURRENT = "c3900-universalk9-mz.SPA.157-3.M8.bin";
    private static final String TAMPERED = "c3900-universalk9-mz.SPA.157-3.M8.tampered.bin";
    private static final String SPECIAL = "c3900-universalk9-mz.SSA.159-3.M2.bin";

    @TempDir
    Path dir;

    @Test
    void aFreshDeviceRunsTheProvisionedImageAndFollowsBootSystem() throws Exception {
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1)) {
            assertThat(dir.resolve("var/images/README.txt")).exists();
            // Booted from the provisioned image without creating the device's folders: nothing used them yet.
            assertThat(dir.resolve("var/devices/r1/flash0")).doesNotExist();
            try (SshShell shell = open(rack)) {
                shell.type("terminal length 0\rshow version\r");
                assertThat(shell.await("Configuration register")).contains("Version 15.7(3)M8")
                        .contains("System image file is \"flash0:" + CURRENT + "\"");
                assertThat(dir.resolve("var/devices/r1/flash0")).doesNotExist();
                shell.type("dir flash0:\r");
                assertThat(shell.await("bytes free)")).contains(CURRENT);
                assertThat(dir.resolve("var/devices/r1/flash0/" + CURRENT)).exists();
                shell.take();
                // The special image and the tampered one, then boot system naming the tampered one first.
                for (String image : new String[] {SPECIAL, TAMPERED}) {
                    Files.copy(dir.resolve("var/images/" + image), dir.resolve("var/devices/r1/usbflash0/" + image));
                }
                shell.type("copy usbflash0:" + SPECIAL + " flash0:\r\r");
                shell.await("bytes copied");
                shell.type("copy usbflash0:" + TAMPERED + " flash0:\r\r");
                shell.await("bytes copied");
                shell.type("configure terminal\rboot system flash0:" + TAMPERED + "\rboot system flash0:" + SPECIAL
                        + "\rend\rwrite memory\r");
                shell.await("[OK]");
                shell.type("reload\r");
                shell.await("Proceed with reload? [confirm]");
                shell.type("\r");
                assertThat(shell.awaitClosed()).isTrue();
            }
            awaitListening(rack);
            try (SshShell shell = open(rack)) {
                shell.type("terminal length 0\rshow version\r");
                // The tampered image is refused; the special one verifies and runs.
                assertThat(shell.await("Configuration register")).contains("Version 15.9(3)M2")
                        .contains("System image file is \"flash0:" + SPECIAL + "\"");
            }
        }
    }

    @Test
    void withNoImageThatVerifiesTheDeviceStaysInRomMonitor() throws Exception {
        Path flash = dir.resolve("var/devices/r1/flash0");
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1)) {
            rack.daemon.close();
        }
        // A flash0: holding only the tampered image (the lab's images were written by the first start).
        Files.createDirectories(flash);
        Files.copy(dir.resolve("var/images/" + TAMPERED), flash.resolve(TAMPERED));
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1)) {
            assertThatThrownBy(() -> open(rack)).isNotNull();
            try (Socket telnet = new Socket("127.0.0.1", rack.port("r1", "telnet"))) {
                InputStream in = telnet.getInputStream();
                String said = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(said).contains("% r1 is in ROM monitor: no valid image to boot");
            }
        }
    }

    private static SshShell open(RackFixture rack) throws Exception {
        return SshShell.open(new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh")), "admin", "admin");
    }

    private static void awaitListening(RackFixture rack) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", rack.port("r1", "ssh"))) {
                return;
            } catch (java.io.IOException refused) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("r1 did not come back");
    }
}
