package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.SshShell;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cisco's production key revocation, walked over a real SSH session on a rack with real reloads: boot the revocation
 * image, add the release key it carries, check the upgrade status, install the new image and ROM monitor, boot the
 * new image, revoke the old key; then add the special key the new image carries and revoke the old special key. The
 * key storage on disk after each step, and images signed with revoked keys no longer verify.
 */
@Timeout(240)
class RevocationWalkTest {

    private static final String CURRENT = "c3900-universalk9-mz.SPA.157-3.M8.bin";
    private static final String REVOCATION = "c3900-universalk9-mz.REV.157-3.M8.bin";
    private static final String NEW = "c3900-universalk9-mz.SPA.159-3.M2.bin";
    private static final String ROMMON_B = "C3900_ROMMON_RM2.srec.SPB";
    private static final String SPECIAL_A = "c3900-universalk9-mz.SSA.159-3.M2.bin";
    private static final String SPECIAL_B = "c3900-universalk9-mz.SSB.159-3.M2.bin";

    @TempDir
    Path dir;

    @Test
    void productionThenSpecialKeyRevocationAsTheGuideWalksThem() throws Exception {
        Path keys = dir.resolve("var/devices/r1/keys");
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1, true)) {
            InetSocketAddress r1 = new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh"));
            String ftp = "ftp://127.0.0.1:" + rack.repositoryPort("ftp") + "/";
            try (SshShell shell = login(r1)) {
                shell.type("configure terminal\rfile prompt quiet\rboot system flash0:" + REVOCATION
                        + "\rend\rterminal length 0\r");
                shell.type("copy " + ftp + REVOCATION + " flash0:\r");
                shell.await("bytes copied");
                shell.type("copy " + ftp + NEW + " flash0:\r");
                shell.await("bytes copied");
                // Not yet trusted: release key B is not in the key storage.
                shell.take();
                shell.type("verify flash0:" + NEW + "\r");
                assertThat(shell.await("\r\nr1#")).doesNotContain("successfully verified");
                reload(shell);
            }
            awaitListening(r1);
            try (SshShell shell = login(r1)) {
                shell.type("terminal length 0\rshow software authenticity running\r");
                assertThat(shell.await("Key Version")).contains("Image type                    : Revocation");
                shell.take();
                shell.type("software authenticity key add production\r");
                assertThat(shell.await("Done!")).contains("Adding the key to Primary").contains("Adding the key to Backup");
                assertThat(Files.readString(keys.resolve("primary"))).contains("release").contains("B");
                assertThat(Files.readString(keys.resolve("backup"))).isEqualTo(Files.readString(keys.resolve("primary")));
                shell.take();
                shell.type("show software authenticity upgrade-status\r");
                assertThat(shell.await("Upgrade complete              : No")).contains("New production key version    : B");
                shell.type("configure terminal\rno boot system\rboot system flash0:" + NEW + "\rend\rwrite memory\r");
                shell.await("[OK]");
                shell.take();
                shell.type("show software authenticity upgrade-status\r");
                assertThat(shell.await("Upgrade complete")).contains("Autoboot image                : flash0:" + NEW);
                // Straight from the server: the image is copied into flash0: first.
                shell.type("upgrade rom-monitor file " + ftp + ROMMON_B + "\r");
                assertThat(shell.await("Continue? [yes/no]: ")).contains("[OK - ")
                        .contains("RSA Signature Verification Passed ...");
                shell.type("yes\r");
                assertThat(shell.awaitClosed()).isTrue();
            }
            awaitListening(r1);
            try (SshShell shell = login(r1)) {
                shell.type("terminal length 0\rshow version | include Version|image file|ROM\r");
                assertThat(shell.await("System image file")).contains("Version 15.9(3)M2,").contains("15.0(1r)M17");
                shell.take();
                shell.type("software authenticity key revoke production\r");
                assertThat(shell.await("Done!")).contains("Revoking the key with version A");
                assertThat(Files.readString(keys.resolve("backup"))).isEqualTo(Files.readString(keys.resolve("primary")));
                shell.take();
                shell.type("verify flash0:" + CURRENT + "\r");
                assertThat(shell.await("\r\nr1#")).doesNotContain("successfully verified");

                // Special key revocation, from the release-B production image that carries special key B.
                shell.type("copy " + ftp + SPECIAL_A + " flash0:\r");
                shell.await("bytes copied");
                shell.type("copy " + ftp + SPECIAL_B + " flash0:\r");
                shell.await("bytes copied");
                shell.take();
                shell.type("software authenticity key add special\r");
                assertThat(shell.await("Done!")).contains("Validating running image...")
                        .contains("Adding the key to Primary");
                shell.take();
                shell.type("software authenticity key revoke special\r");
                assertThat(shell.await("Done!")).contains("Revoking keys with version less than B");
                assertThat(Files.readString(keys.resolve("backup"))).isEqualTo(Files.readString(keys.resolve("primary")));
                shell.take();
                shell.type("verify flash0:" + SPECIAL_A + "\r");
                assertThat(shell.await("\r\nr1#")).doesNotContain("successfully verified");
                shell.take();
                shell.type("verify flash0:" + SPECIAL_B + "\r");
                assertThat(shell.await("\r\nr1#")).contains("Digital signature successfully verified");
            }
        }
        // Revoked stays revoked across a daemon restart, and the device still boots its new image.
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1, true);
             SshShell shell = login(new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh")))) {
            shell.type("terminal length 0\rshow version | include image file\r");
            assertThat(shell.await("System image file")).isNotNull();
            shell.await("\r\nr1#");
            assertThat(shell.take()).contains("flash0:" + NEW);
            shell.type("verify flash0:" + CURRENT + "\r");
            assertThat(shell.await("\r\nr1#")).doesNotContain("successfully verified");
        }
    }

    private static SshShell login(InetSocketAddress address) throws Exception {
        SshShell shell = SshShell.open(address, "admin", "admin");
        shell.await("r1#");
        return shell;
    }

    private static void reload(SshShell shell) throws Exception {
        assertThat(shell.saveAndReload()).isTrue();
    }

    private static void awaitListening(InetSocketAddress address) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(address.getAddress(), address.getPort())) {
                return;
            } catch (java.io.IOException refused) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("r1 did not come back");
    }
}
