package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.config.TransferDefaults;
import dev.ioslab.testing.SshShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flash faults injected through the fault routes: a full flash ({@code dir} and {@code show flash} show the pinned
 * free space, copy refuses), a write error part-way and a read-only flash; flash stays as it was, and after a reset
 * the same copy succeeds.
 */
@Timeout(120)
class FlashFaultsTest {

    private static final int IMAGE_BYTES = 200_000;

    @TempDir
    static Path dir;

    private static FaultLab lab;
    private static RackFixture rack;
    private static FaultApi faults;
    private static byte[] image;
    private static Path flash0;
    private static String ftp;
    private SshShell shell;

    @BeforeAll
    static void startRack() throws Exception {
        lab = new FaultLab(dir, IMAGE_BYTES, 17, TransferDefaults.DEFAULTS);
        rack = lab.rack;
        faults = lab.faults;
        image = lab.image;
        flash0 = lab.flash0;
        ftp = lab.ftp;
    }

    @AfterAll
    static void stopRack() {
        lab.close();
    }

    @BeforeEach
    void login() throws Exception {
        shell = lab.freshSession();
        shell.await("r1#");
        shell.take();
    }

    @AfterEach
    void logout() throws Exception {
        shell.close();
    }

    private String run(String command) throws Exception {
        shell.type(command + "\r");
        String out = shell.await("r1#");
        shell.take();
        return out;
    }

    private void assertCopySucceedsAfterReset() throws Exception {
        assertThat(faults.reset()).isEqualTo(1);
        assertThat(run("copy " + ftp + " flash0:lab.bin")).contains(IMAGE_BYTES + " bytes copied");
        assertThat(Files.readAllBytes(flash0.resolve("lab.bin"))).isEqualTo(image);
    }

    @Test
    void aFullFlashShowsThePinnedFreeSpaceAndRefusesTheCopy() throws Exception {
        List<String> before = lab.flashFiles();
        faults.add("r1", "{\"kind\":\"flash\",\"type\":\"full\",\"bytes\":1000,\"match\":{\"fileSystem\":\"flash0:\"}}");

        assertThat(run("dir flash0:")).contains("bytes total (1000 bytes free)");
        assertThat(run("show flash0:")).contains("1000 bytes available");
        assertThat(run("dir usbflash0:")).doesNotContain("(1000 bytes free)");
        assertThat(faults.list("r1").get(0)).containsEntry("fired", 0L);
        assertThat(run("copy " + ftp + " flash0:lab.bin"))
                .contains("%Error copying " + ftp + " (Not enough space on device)")
                .doesNotContain("bytes copied");
        assertThat(lab.flashFiles()).isEqualTo(before);
        assertThat(faults.list("r1").get(0)).containsEntry("fired", 1L);
        assertThat(run("dir flash0:")).as("a fault that has fired its count pins nothing")
                .doesNotContain("(1000 bytes free)");

        faults.add("r1", "{\"kind\":\"flash\",\"type\":\"full\",\"bytes\":1000}");
        assertThat(faults.reset()).isEqualTo(2);
        assertThat(run("copy " + ftp + " flash0:lab.bin")).contains(IMAGE_BYTES + " bytes copied");
    }

    @Test
    void aWriteErrorPartWayFailsTheCopyAndLeavesFlashAsItWas() throws Exception {
        List<String> before = lab.flashFiles();
        faults.add("r1", "{\"kind\":\"flash\",\"type\":\"write-error-after-bytes\",\"bytes\":65536}");

        assertThat(run("copy " + ftp + " flash0:lab.bin")).contains("%Error writing flash0:/lab.bin (I/O error)")
                .doesNotContain("bytes copied");
        assertThat(lab.flashFiles()).isEqualTo(before);
        assertCopySucceedsAfterReset();
    }

    @Test
    void aReadOnlyFlashRefusesTheCopyAndLeavesFlashAsItWas() throws Exception {
        List<String> before = lab.flashFiles();
        faults.add("r1", "{\"kind\":\"flash\",\"type\":\"read-only\"}");

        assertThat(run("copy " + ftp + " flash0:lab.bin"))
                .contains("%Error writing flash0:/lab.bin (Read-only file system)")
                .doesNotContain("bytes copied");
        assertThat(lab.flashFiles()).isEqualTo(before);
        assertCopySucceedsAfterReset();
    }

    @Test
    void aFlashFaultLeavesNvramAlone() throws Exception {
        faults.add("r1", "{\"kind\":\"flash\",\"type\":\"read-only\",\"untilRemoved\":true}");

        assertThat(run("write memory")).contains("[OK]");
        assertThat(faults.list("r1").get(0)).containsEntry("fired", 0L);
    }
}
