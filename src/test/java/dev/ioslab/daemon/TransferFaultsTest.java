package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.config.TransferDefaults;
import dev.ioslab.testing.SshShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfer faults injected through the fault routes, met by {@code copy} over SSH from the embedded FTP and TFTP
 * image repository: each prints what IOS prints for that failure, leaves flash as it was, and after a reset the same
 * copy succeeds.
 */
@Timeout(120)
class TransferFaultsTest {

    private static final int IMAGE_BYTES = 300_000;

    @TempDir
    static Path dir;

    private static FaultLab lab;
    private static RackFixture rack;
    private static FaultApi faults;
    private static byte[] image;
    private static Path flash0;
    private static String ftp;
    private static String tftp;
    private SshShell shell;

    @BeforeAll
    static void startRack() throws Exception {
        lab = new FaultLab(dir, IMAGE_BYTES, 13, new TransferDefaults(Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofMillis(500), 2, 1));
        rack = lab.rack;
        faults = lab.faults;
        image = lab.image;
        flash0 = lab.flash0;
        ftp = lab.ftp;
        tftp = lab.tftp;
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

    @org.junit.jupiter.api.AfterEach
    void logout() throws Exception {
        shell.close();
    }

    private String copy(String url) throws Exception {
        shell.type("copy " + url + " flash0:lab.bin\r");
        String out = shell.await("r1#");
        shell.take();
        return out;
    }

    private void assertCopySucceedsAfterReset(String url) throws Exception {
        assertThat(faults.reset()).isEqualTo(1);
        assertThat(copy(url)).contains(IMAGE_BYTES + " bytes copied");
        assertThat(Files.readAllBytes(flash0.resolve("lab.bin"))).isEqualTo(image);
    }

    @Test
    void eachFailReasonEndsTheCopyAsIosPrintsItAndWritesNothing() throws Exception {
        List<String> before = lab.flashFiles();
        Map<String, String> reasons = Map.of("timed-out", "Timed out",
                "connection-refused", "Connection refused by remote host", "permission-denied", "Permission denied",
                "no-such-file", "No such file or directory", "login-failed", "Incorrect Login/Password");
        for (Map.Entry<String, String> reason : reasons.entrySet()) {
            faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"fail\",\"reason\":\"" + reason.getKey() + "\"}");

            assertThat(copy(ftp)).contains("%Error opening " + ftp + " (" + reason.getValue() + ")")
                    .doesNotContain("bytes copied");
            assertThat(lab.flashFiles()).isEqualTo(before);
            assertThat(faults.list("r1")).singleElement().satisfies(f -> assertThat(f).containsEntry("fired", 1L));
            faults.reset();
        }
        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"fail\",\"reason\":\"timed-out\"}");
        assertThat(copy(tftp)).contains("%Error opening " + tftp + " (Timed out)");
        assertCopySucceedsAfterReset(tftp);
    }

    @Test
    void aFaultMatchingAnotherUrlOrProtocolLeavesTheCopyAlone() throws Exception {
        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"fail\",\"reason\":\"timed-out\","
                + "\"match\":{\"url\":\"ftp://*/images/*\"}}");
        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"fail\",\"reason\":\"timed-out\","
                + "\"match\":{\"protocol\":\"tftp\"}}");

        assertThat(copy(ftp)).contains(IMAGE_BYTES + " bytes copied");
        assertThat(faults.list("r1")).allSatisfy(f -> assertThat(f).containsEntry("fired", 0L));
        assertThat(copy(tftp)).contains("%Error opening " + tftp + " (Timed out)");
    }

    @Test
    void aStalledTransferEndsAsTheIdleTimeoutEndsItAndWritesNothing() throws Exception {
        List<String> before = lab.flashFiles();
        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"stall-after-bytes\",\"bytes\":100000}");

        assertThat(copy(ftp)).contains("Loading lab.bin ").contains("%Error reading " + ftp + " (Timed out)")
                .doesNotContain("bytes copied");
        assertThat(lab.flashFiles()).isEqualTo(before);
        assertCopySucceedsAfterReset(ftp);
    }

    @Test
    void aTruncatedTransferFailsAsAShortTransferAndWritesNothing() throws Exception {
        List<String> before = lab.flashFiles();
        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"truncate-after-bytes\",\"bytes\":50000}");
        assertThat(copy(ftp)).contains("%Error reading " + ftp + " (Connection closed by remote host)")
                .doesNotContain("bytes copied");
        assertThat(lab.flashFiles()).isEqualTo(before);
        faults.reset();

        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"truncate-after-bytes\",\"bytes\":50000,"
                + "\"match\":{\"protocol\":\"tftp\"}}");
        assertThat(copy(tftp)).contains("%Error reading " + tftp + " (Timed out)").doesNotContain("bytes copied");
        assertThat(lab.flashFiles()).isEqualTo(before);
        assertCopySucceedsAfterReset(tftp);
    }

    @Test
    void aCorruptedByteIsCopiedAndVerifyCatchesIt() throws Exception {
        String sha512 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(image));
        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"corrupt-byte-at\",\"offset\":12345}");

        assertThat(copy(ftp)).contains(IMAGE_BYTES + " bytes copied");
        byte[] copied = Files.readAllBytes(flash0.resolve("lab.bin"));
        assertThat(copied[12345]).isEqualTo((byte) ~image[12345]);
        shell.type("verify /sha512 flash0:lab.bin " + sha512 + "\r");
        assertThat(shell.await("r1#")).contains("%Error verifying flash0:lab.bin");
        shell.take();

        assertCopySucceedsAfterReset(ftp);
        shell.type("verify /sha512 flash0:lab.bin " + sha512 + "\r");
        assertThat(shell.await("r1#")).contains("Verified (flash0:lab.bin) = " + sha512);
    }

    @Test
    void aSignedImageCorruptedInFlightFailsCopyVerifyAndIsDeleted() throws Exception {
        String signed = "c3900-universalk9-mz.SSA.159-3.M2.bin";
        String url = "ftp://127.0.0.1:" + rack.repositoryPort("ftp") + "/" + signed;
        List<String> before = lab.flashFiles();
        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"corrupt-byte-at\",\"offset\":100}");

        shell.type("copy /verify " + url + " flash0:fresh.bin\r");
        assertThat(shell.await("r1#")).contains("%ERROR: Aborting copy.")
                .doesNotContain("Digital signature successfully verified");
        shell.take();
        assertThat(lab.flashFiles()).isEqualTo(before);

        faults.reset();
        shell.type("copy /verify " + url + " flash0:fresh.bin\r");
        assertThat(shell.await("r1#")).contains("Digital signature successfully verified in file flash0:");
        shell.take();
        Files.delete(flash0.resolve("fresh.bin"));
    }

    @Test
    void bandwidthAndLatencySlowTheCopyButItArrivesWhole() throws Exception {
        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"bandwidth\",\"bytesPerSecond\":400000}");
        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"latency\",\"ms\":300}");

        assertThat(copy(tftp)).contains("[OK - " + IMAGE_BYTES + " bytes]").contains(IMAGE_BYTES + " bytes copied");
        assertThat(Files.readAllBytes(flash0.resolve("lab.bin"))).isEqualTo(image);
        assertThat(faults.list("r1")).allSatisfy(f -> assertThat(f).containsEntry("fired", 1L));
        assertThat(faults.reset()).isEqualTo(2);
    }
}
