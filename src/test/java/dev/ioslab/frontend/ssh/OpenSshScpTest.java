package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.ioslab.fs.SpaceUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code scp -O file r1:flash0:file} with the real OpenSSH client, as an engineer copies an image. */
@Timeout(90)
class OpenSshScpTest {

    private static final Path SCP = Path.of("/usr/bin/scp");

    @TempDir
    Path dir;

    private ScpDevice r1;
    private Path askpass;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Files.isExecutable(SCP), "OpenSSH scp not installed at " + SCP);
        LogCapture.quietLibraries();
        r1 = new ScpDevice(dir);
        askpass = dir.resolve("askpass.sh");
        usePassword("admin");
    }

    @AfterEach
    void tearDown() {
        if (r1 != null) {
            r1.close();
        }
    }

    private void usePassword(String password) throws IOException {
        Files.writeString(askpass, "#!/bin/sh\necho " + password + "\n");
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
    }

    private record Run(int exitCode, String stderr) {
    }

    private Run scp(String from, String to) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(SCP.toString(), "-O", "-F", "/dev/null",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "PubkeyAuthentication=no", "-o", "NumberOfPasswordPrompts=1",
                "-P", Integer.toString(r1.address().getPort()), from, to));
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().put("SSH_ASKPASS", askpass.toString());
        builder.environment().put("SSH_ASKPASS_REQUIRE", "force");
        builder.environment().put("DISPLAY", ":0");
        Path err = dir.resolve("stderr");
        builder.redirectOutput(dir.resolve("stdout").toFile());
        builder.redirectError(err.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("scp did not finish; stderr: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Path localFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void uploadThenDownloadGivesIdenticalBytes() throws Exception {
        Path image = localFile("c3900-test.bin", 2 * 1024 * 1024 + 5);

        Run up = scp(image.toString(), "admin@127.0.0.1:flash0:c3900-test.bin");
        assertThat(up.exitCode()).as(up.stderr()).isZero();
        assertThat(r1.flashNames()).containsExactly("c3900-test.bin");

        Path back = dir.resolve("back.bin");
        Run down = scp("admin@127.0.0.1:flash0:c3900-test.bin", back.toString());
        assertThat(down.exitCode()).as(down.stderr()).isZero();
        assertThat(Files.readAllBytes(back)).isEqualTo(Files.readAllBytes(image));
    }

    @Test
    void uploadToTheFileSystemKeepsTheLocalName() throws Exception {
        Path notes = localFile("notes.txt", 1234);

        Run up = scp(notes.toString(), "admin@127.0.0.1:flash:");
        assertThat(up.exitCode()).as(up.stderr()).isZero();
        assertThat(r1.flashNames()).containsExactly("notes.txt");
        assertThat(r1.flash().stat(r1.flash().resolve("notes.txt")).size()).isEqualTo(1234);
    }

    @Test
    void downloadIntoALocalDirectoryNamesTheFileAfterTheRequestedPath() throws Exception {
        Path notes = localFile("notes.txt", 321);
        Run up = scp(notes.toString(), "admin@127.0.0.1:flash0:/notes.txt");
        assertThat(up.exitCode()).as(up.stderr()).isZero();
        Path into = Files.createDirectory(dir.resolve("into"));

        Run down = scp("admin@127.0.0.1:flash0:/notes.txt", into.toString());
        assertThat(down.exitCode()).as(down.stderr()).isZero();
        assertThat(Files.readAllBytes(into.resolve("notes.txt"))).isEqualTo(Files.readAllBytes(notes));

        Run missing = scp("admin@127.0.0.1:flash0:/none.txt", into.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).contains("%Error opening flash0:/none.txt (No such file or directory)");
    }

    @Test
    void privilegeOneUserIsDenied() throws Exception {
        usePassword("guest");
        Path file = localFile("x.bin", 100);

        Run up = scp(file.toString(), "guest@127.0.0.1:flash0:x.bin");
        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.stderr()).contains("Privilege denied.");
        assertThat(r1.flashNames()).isEmpty();
    }

    @Test
    void fileLargerThanFreeSpaceIsRefusedAndLeavesNothing() throws Exception {
        SpaceUsage before = r1.flashSpace();
        List<String> hostBefore = r1.hostFiles();
        Path big = localFile("big.bin", (int) ScpDevice.FLASH_BYTES + 1);

        Run up = scp(big.toString(), "admin@127.0.0.1:flash0:big.bin");
        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.stderr()).contains("%Error copying flash0:/big.bin (Not enough space on device)");
        r1.awaitNoWriteInFlight(Duration.ofSeconds(10));
        assertThat(r1.flashNames()).isEmpty();
        assertThat(r1.flashSpace()).isEqualTo(before);
        assertThat(r1.hostFiles()).isEqualTo(hostBefore);
    }

    @Test
    void traversalIsRefused() throws Exception {
        Path file = localFile("x.bin", 10);

        Run up = scp(file.toString(), "admin@127.0.0.1:flash0:../../x.bin");
        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.stderr()).contains("(Invalid argument)");
        assertThat(r1.flashNames()).isEmpty();
        assertThat(dir.resolve("x.bin")).hasSize(10);
        assertThat(dir.resolve("R1").resolve("x.bin")).doesNotExist();
    }
}
