package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.ioslab.fs.FsPath;
import dev.ioslab.fs.SpaceUsage;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.scp.client.ScpClient;
import org.apache.sshd.scp.client.ScpClientCreator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The SCP server on a real device, driven by MINA's SCP client and by hand over a raw exec channel. */
@Timeout(60)
class ScpServerTest {

    private static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rw-r--r--");

    @TempDir
    Path dir;

    private ScpDevice r1;
    private SshClient client;

    @BeforeEach
    void setUp() throws Exception {
        LogCapture.quietLibraries();
        r1 = new ScpDevice(dir);
        client = MinaClients.passwordClient();
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.stop();
        }
        if (r1 != null) {
            r1.close();
        }
    }

    private ClientSession login(String user) throws IOException {
        return MinaClients.login(client, r1.address(), user, user);
    }

    private static ScpClient scp(ClientSession session) {
        return ScpClientCreator.instance().createScpClient(session);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void uploadThenDownloadGivesIdenticalBytesInEveryPathForm() throws Exception {
        byte[] image = randomBytes(3 * 1024 * 1024 + 17, 1);
        try (ClientSession session = login("admin")) {
            ScpClient scp = scp(session);
            scp.upload(image, "flash0:/image.bin", MODE, null);
            assertThat(scp.downloadBytes("flash0:/image.bin")).isEqualTo(image);
            assertThat(scp.downloadBytes("flash:image.bin")).isEqualTo(image);
            assertThat(scp.downloadBytes("image.bin")).isEqualTo(image);

            byte[] small = "hello flash\n".getBytes(StandardCharsets.US_ASCII);
            scp.upload(small, "flash:notes.txt", MODE, null);
            assertThat(scp.downloadBytes("flash0:notes.txt")).isEqualTo(small);

            byte[] config = "hostname R9\nend\n".getBytes(StandardCharsets.US_ASCII);
            scp.upload(config, "nvram:startup-config", MODE, null);
            assertThat(scp.downloadBytes("nvram:startup-config")).isEqualTo(config);
        }
        assertThat(r1.flashNames()).containsExactly("image.bin", "notes.txt");
        FsPath stored = r1.flash().resolve("image.bin");
        assertThat(r1.flash().stat(stored).size()).isEqualTo(image.length);
        SpaceUsage space = r1.flashSpace();
        assertThat(space.reserved()).isZero();
        assertThat(space.used()).isEqualTo(image.length + 12);
    }

    @Test
    void uploadToADirectoryUsesTheNameInTheFileHeaderAndReplacesAnExistingFile() throws Exception {
        try (ClientSession session = login("admin")) {
            RawScpChannel raw = RawScpChannel.open(session, "scp -t flash0:");
            raw.expectOk();
            raw.send("C0644 5 first.txt\n").expectOk();
            raw.sendBytes("12345".getBytes(StandardCharsets.US_ASCII)).sendBytes(new byte[] {0}).expectOk();
            raw.finish();
            assertThat(raw.exitStatus()).isZero();

            ScpClient scp = scp(session);
            scp.upload("67".getBytes(StandardCharsets.US_ASCII), "flash0:/first.txt", MODE, null);
            assertThat(scp.downloadBytes("flash0:/first.txt")).containsExactly('6', '7');
        }
        assertThat(r1.flashNames()).containsExactly("first.txt");
    }

    @Test
    void fileAppearsInTheListingOnlyWhenComplete() throws Exception {
        byte[] image = randomBytes(200_000, 2);
        try (ClientSession session = login("admin")) {
            RawScpChannel raw = RawScpChannel.open(session, "scp -t flash0:/partial.bin");
            raw.expectOk();
            raw.send("C0644 " + image.length + " partial.bin\n").expectOk();
            raw.sendBytes(Arrays.copyOf(image, 150_000));

            assertThat(r1.flashNames()).doesNotContain("partial.bin");
            assertThat(r1.flashSpace().reserved()).isEqualTo(image.length);

            raw.sendBytes(Arrays.copyOfRange(image, 150_000, image.length)).sendBytes(new byte[] {0});
            raw.expectOk();
            assertThat(r1.flashNames()).containsExactly("partial.bin");
            assertThat(r1.flash().stat(r1.flash().resolve("partial.bin")).size()).isEqualTo(image.length);
            assertThat(r1.flashSpace().reserved()).isZero();
            raw.finish();
            assertThat(raw.exitStatus()).isZero();
        }
    }

    @Test
    void userBelowPrivilege15IsDeniedInBothDirections() throws Exception {
        try (ClientSession admin = login("admin")) {
            scp(admin).upload(new byte[] {1, 2, 3}, "flash0:/secret.bin", MODE, null);
        }
        try (ClientSession session = login("guest")) {
            RawScpChannel upload = RawScpChannel.open(session, "scp -t flash0:/x.bin");
            assertThat(upload.readAll()).isEqualTo("\001Privilege denied.\n");
            assertThat(upload.exitStatus()).isEqualTo(1);

            RawScpChannel download = RawScpChannel.open(session, "scp -f flash0:/secret.bin");
            download.sendBytes(new byte[] {0});
            assertThat(download.readAll()).isEqualTo("\001Privilege denied.\n");
            assertThat(download.exitStatus()).isEqualTo(1);

            // MINA's client reads \001 as a mere warning and fails later, at the end of its stream.
            assertThatThrownBy(() -> scp(session).upload(new byte[] {9}, "flash0:/y.bin", MODE, null))
                    .isInstanceOf(IOException.class);
        }
        assertThat(r1.flashNames()).containsExactly("secret.bin");
    }

    @Test
    void aUserWithoutALevelOfTheirOwnCopiesAtTheLinesPrivilegeLevel() throws Exception {
        r1.configure("username operator secret operator\n");
        try (ClientSession session = login("operator")) {
            RawScpChannel upload = RawScpChannel.open(session, "scp -t flash0:/x.bin");
            assertThat(upload.readAll()).isEqualTo("\001Privilege denied.\n");
        }
        r1.configure("line vty 0 4\n privilege level 15\n");
        try (ClientSession session = login("operator")) {
            scp(session).upload(new byte[] {4, 5}, "flash0:/op.bin", MODE, null);
        }
        assertThat(r1.flashNames()).containsExactly("op.bin");
    }

    @Test
    void disabledScpServerRefusesAndNeverRunsTheLineOnTheCli() throws Exception {
        r1.configure("no ip scp server enable\n");
        try (ClientSession session = login("admin")) {
            RawScpChannel upload = RawScpChannel.open(session, "scp -t flash0:/x.bin");
            assertThat(upload.readAll()).isEqualTo("\001" + ScpServerCommand.SERVER_DISABLED + "\n");
            assertThat(upload.exitStatus()).isEqualTo(1);
            RawScpChannel download = RawScpChannel.open(session, "scp -f nvram:startup-config");
            download.sendBytes(new byte[] {0});
            assertThat(download.readAll()).isEqualTo("\001" + ScpServerCommand.SERVER_DISABLED + "\n");
            assertThat(download.exitStatus()).isEqualTo(1);
        }
        r1.configure("ip scp server enable\n");
        try (ClientSession session = login("admin")) {
            scp(session).upload(new byte[] {7}, "flash0:/x.bin", MODE, null);
        }
        assertThat(r1.flashNames()).containsExactly("x.bin");
    }

    @Test
    void uploadLargerThanFreeSpaceIsRefusedBeforeAnyByteAndLeavesNothing() throws Exception {
        try (ClientSession session = login("admin")) {
            scp(session).upload(randomBytes(1000, 3), "flash0:/keep.bin", MODE, null);
        }
        SpaceUsage before = r1.flashSpace();
        List<String> hostBefore = r1.hostFiles();
        try (ClientSession session = login("admin")) {
            RawScpChannel raw = RawScpChannel.open(session, "scp -t flash0:/big.bin");
            raw.expectOk();
            raw.send("C0644 " + (before.free() + 1) + " big.bin\n");
            assertThat(raw.readAll())
                    .isEqualTo("\001%Error copying flash0:/big.bin (Not enough space on device)\n");
            assertThat(raw.exitStatus()).isEqualTo(1);

            byte[] tooBig = new byte[(int) ScpDevice.FLASH_BYTES];
            assertThatThrownBy(() -> scp(session).upload(tooBig, "flash0:/big.bin", MODE, null))
                    .isInstanceOf(IOException.class);
        }
        r1.awaitNoWriteInFlight(Duration.ofSeconds(10));
        assertThat(r1.flashNames()).containsExactly("keep.bin");
        assertThat(r1.flashSpace()).isEqualTo(before);
        assertThat(r1.hostFiles()).isEqualTo(hostBefore);
    }

    @Test
    void clientGoingAwayMidFileLeavesNothingBehind() throws Exception {
        SpaceUsage before = r1.flashSpace();
        List<String> hostBefore = r1.hostFiles();
        try (ClientSession session = login("admin")) {
            RawScpChannel raw = RawScpChannel.open(session, "scp -t flash0:/big.bin");
            raw.expectOk();
            raw.send("C0644 " + (10 * 1024 * 1024) + " big.bin\n").expectOk();
            raw.sendBytes(randomBytes(1024 * 1024, 4));
            assertThat(r1.flashSpace().reserved()).isEqualTo(10 * 1024 * 1024);
            raw.channel.close(true);
        }
        r1.awaitNoWriteInFlight(Duration.ofSeconds(10));
        assertThat(r1.flashNames()).isEmpty();
        assertThat(r1.flashSpace()).isEqualTo(before);
        assertThat(r1.hostFiles()).isEqualTo(hostBefore);
    }

    @Test
    void shortFileFollowedByEndOfInputIsNotCommitted() throws Exception {
        try (ClientSession session = login("admin")) {
            RawScpChannel raw = RawScpChannel.open(session, "scp -t flash0:/short.bin");
            raw.expectOk();
            raw.send("C0644 1000 short.bin\n").expectOk();
            raw.sendBytes(new byte[400]);
            raw.channel.getInvertedIn().close();
            assertThat(raw.readAll()).startsWith("\001%Error copying flash0:/short.bin (connection closed after 400");
            assertThat(raw.exitStatus()).isEqualTo(1);
        }
        r1.awaitNoWriteInFlight(Duration.ofSeconds(10));
        assertThat(r1.flashNames()).isEmpty();
    }

    @Test
    void senderErrorAfterTheDataAbortsTheFile() throws Exception {
        try (ClientSession session = login("admin")) {
            RawScpChannel raw = RawScpChannel.open(session, "scp -t flash0:/bad.bin");
            raw.expectOk();
            raw.send("C0644 3 bad.bin\n").expectOk();
            raw.sendBytes(new byte[] {0, 0, 0}).send("\001read error\n");
            assertThat(raw.readAll()).isEqualTo("\001%Error copying flash0:/bad.bin (aborted by the client)\n");
            assertThat(raw.exitStatus()).isEqualTo(1);
        }
        r1.awaitNoWriteInFlight(Duration.ofSeconds(10));
        assertThat(r1.flashNames()).isEmpty();
    }

    @Test
    void traversalIsRefusedInThePathAndInTheFileHeader() throws Exception {
        List<String> hostBefore = r1.hostFiles();
        try (ClientSession session = login("admin")) {
            RawScpChannel byPath = RawScpChannel.open(session, "scp -t flash0:../../etc/x");
            assertThat(byPath.readAll()).startsWith("\001%Error copying flash0:").endsWith("(Invalid argument)\n");
            assertThat(byPath.exitStatus()).isEqualTo(1);

            RawScpChannel byHeader = RawScpChannel.open(session, "scp -t flash0:");
            byHeader.expectOk();
            byHeader.send("C0644 3 ../escape\n");
            assertThat(byHeader.readAll()).startsWith("\001%Error copying flash0:/").endsWith(")\n");
            assertThat(byHeader.exitStatus()).isEqualTo(1);

            RawScpChannel download = RawScpChannel.open(session, "scp -f flash0:/../../../etc/passwd");
            download.sendBytes(new byte[] {0});
            assertThat(download.readAll()).startsWith("\001%Error opening flash0:").endsWith("(Invalid argument)\n");
            assertThat(download.exitStatus()).isEqualTo(1);
        }
        assertThat(r1.flashNames()).isEmpty();
        assertThat(r1.hostFiles()).isEqualTo(hostBefore);
        assertThat(dir.resolve("etc")).doesNotExist();
        assertThat(dir.resolve("escape")).doesNotExist();
        assertThat(dir.resolve("R1").resolve("escape")).doesNotExist();
    }

    @Test
    void missingFileDirectoryAndRecursiveRequestsAreRefused() throws Exception {
        try (ClientSession session = login("admin")) {
            RawScpChannel missing = RawScpChannel.open(session, "scp -f flash0:/none.bin");
            missing.sendBytes(new byte[] {0});
            assertThat(missing.readAll())
                    .isEqualTo("\001%Error opening flash0:/none.bin (No such file or directory)\n");
            assertThat(missing.exitStatus()).isEqualTo(1);

            RawScpChannel directory = RawScpChannel.open(session, "scp -f flash0:");
            directory.sendBytes(new byte[] {0});
            assertThat(directory.readAll()).startsWith("\001").contains("flash0:/");
            assertThat(directory.exitStatus()).isEqualTo(1);

            RawScpChannel recursive = RawScpChannel.open(session, "scp -r -t flash0:");
            assertThat(recursive.readAll()).isEqualTo("\001%Error: recursive copy (scp -r) is not supported\n");
            assertThat(recursive.exitStatus()).isEqualTo(1);

            RawScpChannel neither = RawScpChannel.open(session, "scp flash0:/x");
            assertThat(neither.readAll()).startsWith("\001%Error: scp needs exactly one of -t");
            assertThat(neither.exitStatus()).isEqualTo(1);
        }
    }

}
