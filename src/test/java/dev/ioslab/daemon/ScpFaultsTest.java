package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.scp.client.ScpClientCreator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfer and flash faults met by SCP uploads into a device: failures arrive as SCP error lines in IOS's words and
 * leave flash as it was, a flipped byte lands in flash, a bandwidth limit and latency only slow the copy; after a
 * reset the same upload succeeds.
 */
@Timeout(120)
class ScpFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int IMAGE_BYTES = 100_000;

    @TempDir
    static Path dir;

    private static RackFixture rack;
    private static FaultApi faults;
    private static byte[] image;
    private static Path flash0;

    @BeforeAll
    static void startRack() throws Exception {
        rack = new RackFixture(dir.resolve("var"), 1);
        faults = new FaultApi(rack);
        flash0 = dir.resolve("var/devices/r1/flash0");
        image = new byte[IMAGE_BYTES];
        new Random(23).nextBytes(image);
        assertThat(rack.daemon.devices().get(0).replayConfig("ip scp server enable\n")).isEmpty();
    }

    @AfterAll
    static void stopRack() {
        rack.close();
    }

    @BeforeEach
    void clean() throws Exception {
        faults.reset();
        Files.deleteIfExists(flash0.resolve("lab.bin"));
    }

    private static void upload() throws Exception {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        client.start();
        try (ClientSession session = client.connect("admin", "127.0.0.1", rack.port("r1", "ssh")).verify(WAIT)
                .getSession()) {
            session.addPasswordIdentity("admin");
            session.auth().verify(WAIT);
            ScpClientCreator.instance().createScpClient(session).upload(image, "flash0:/lab.bin",
                    PosixFilePermissions.fromString("rw-r--r--"), null);
        } finally {
            client.stop();
        }
    }

    /**
     * Speaks SCP's sink protocol by hand ({@code scp -t}): waits for each acknowledgement and returns at the first
     * error line, so the device's own words are seen exactly as a client receives them.
     */
    private static String rawUpload() throws Exception {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        client.start();
        try (ClientSession session = client.connect("admin", "127.0.0.1", rack.port("r1", "ssh")).verify(WAIT)
                .getSession()) {
            session.addPasswordIdentity("admin");
            session.auth().verify(WAIT);
            ChannelExec exec = session.createExecChannel("scp -t flash0:/lab.bin");
            exec.open().verify(WAIT);
            InputStream in = exec.getInvertedOut();
            OutputStream out = exec.getInvertedIn();
            StringBuilder seen = new StringBuilder();
            if (ack(in, seen)) {
                out.write(("C0644 " + IMAGE_BYTES + " lab.bin\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (ack(in, seen)) {
                    out.write(image);
                    out.write(0);
                    out.flush();
                    ack(in, seen);
                }
            }
            exec.close(false);
            return seen.toString();
        } finally {
            client.stop();
        }
    }

    /** Reads one SCP acknowledgement: true for OK, false (with the error line in {@code seen}) otherwise. */
    private static boolean ack(InputStream in, StringBuilder seen) throws Exception {
        int status = in.read();
        if (status == 0) {
            return true;
        }
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            seen.append((char) c);
        }
        return false;
    }

    private static List<String> flashFiles() throws Exception {
        try (Stream<Path> files = Files.list(flash0)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertUploadSucceedsAfterReset(int faultsPlanned) throws Exception {
        assertThat(faults.reset()).isEqualTo(faultsPlanned);
        upload();
        assertThat(Files.readAllBytes(flash0.resolve("lab.bin"))).isEqualTo(image);
    }

    @Test
    void aPlannedFailureIsAnScpErrorLineAndWritesNothing() throws Exception {
        List<String> before = flashFiles();
        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"fail\",\"reason\":\"timed-out\","
                + "\"match\":{\"protocol\":\"scp\"}}");

        assertThat(rawUpload()).isEqualTo("%Error copying flash0:/lab.bin (Timed out)");
        assertThat(flashFiles()).isEqualTo(before);
        assertUploadSucceedsAfterReset(1);
    }

    @Test
    void aTruncatedUploadFailsAndWritesNothing() throws Exception {
        List<String> before = flashFiles();
        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"truncate-after-bytes\",\"bytes\":40000}");

        assertThat(rawUpload()).isEqualTo("%Error copying flash0:/lab.bin (Connection closed by remote host)");
        assertThat(flashFiles()).isEqualTo(before);
        assertUploadSucceedsAfterReset(1);
    }

    @Test
    void aCorruptedByteLandsInFlash() throws Exception {
        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"corrupt-byte-at\",\"offset\":777,"
                + "\"match\":{\"url\":\"flash0:/*\"}}");

        upload();
        byte[] written = Files.readAllBytes(flash0.resolve("lab.bin"));
        assertThat(written[777]).isEqualTo((byte) ~image[777]);
        written[777] = image[777];
        assertThat(written).isEqualTo(image);
        assertUploadSucceedsAfterReset(1);
    }

    @Test
    void bandwidthAndLatencySlowTheUploadButItArrivesWhole() throws Exception {
        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"bandwidth\",\"bytesPerSecond\":200000}");
        faults.add("r1", "{\"kind\":\"transfer\",\"type\":\"latency\",\"ms\":200}");

        upload();
        assertThat(Files.readAllBytes(flash0.resolve("lab.bin"))).isEqualTo(image);
        assertThat(faults.list("r1")).allSatisfy(f -> assertThat(f).containsEntry("fired", 1L));
        assertThat(faults.reset()).isEqualTo(2);
    }

    @Test
    void aFullFlashRefusesTheUploadBeforeItsFirstByte() throws Exception {
        List<String> before = flashFiles();
        faults.add("r1", "{\"kind\":\"flash\",\"type\":\"full\",\"bytes\":5000}");

        assertThat(rawUpload()).isEqualTo("%Error copying flash0:/lab.bin (Not enough space on device)");
        assertThat(flashFiles()).isEqualTo(before);
        assertUploadSucceedsAfterReset(1);
    }
}
