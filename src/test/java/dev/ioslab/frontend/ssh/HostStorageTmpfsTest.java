package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import dev.ioslab.fs.FsError;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.SpaceUsage;
import dev.ioslab.testing.SmallTmpfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real 8 MiB tmpfs under a device with 16 MiB of flash: what the host disk cannot hold is refused
 * before its first byte with IOS's cause, real {@code scp} prints it, nothing is left behind, and a save on a full
 * disk keeps the old startup-config. Skipped unless the test may mount a tmpfs (root; CI runs as root).
 */
@Timeout(120)
class HostStorageTmpfsTest {

    private static final Path SCP = Path.of("/usr/bin/scp");

    @TempDir
    Path dir;

    private SmallTmpfs disk;
    private ScpDevice r1;

    @BeforeEach
    void setUp() throws Exception {
        LogCapture.quietLibraries();
        disk = SmallTmpfs.mount(dir.resolve("var"), 8);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (r1 != null) {
            r1.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void hostKeyOnAFullDiskFailsWithTheCauseAndLeavesNoHalfKey() throws Exception {
        Path keyFile = disk.root().resolve("r1/ssh/host_key");
        Files.createDirectories(keyFile.getParent());
        disk.fill(disk.root().resolve("filler"), 0);

        try (LogCapture log = new LogCapture(HostKeyFile.class)) {
            assertThatThrownBy(() -> HostKeyFile.loadOrCreate(keyFile, "r1"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("r1").hasMessageContaining(keyFile.toString())
                    .hasMessageEndingWith("(Not enough space on device)");
            assertThat(log.messages(Level.WARN)).singleElement().asString()
                    .contains("r1", keyFile.toString(), "Not enough space on device");
        }
        try (Stream<Path> files = Files.list(keyFile.getParent())) {
            assertThat(files).isEmpty();
        }

        Files.delete(disk.root().resolve("filler"));
        HostKeyFile.loadOrCreate(keyFile, "r1");
        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    }

    @Test
    void realScpOfMoreThanTheHostDiskHoldsIsRefusedUpFrontAndASmallOneStillWorks() throws Exception {
        assumeTrue(Files.isExecutable(SCP), "OpenSSH scp not installed at " + SCP);
        r1 = new ScpDevice(disk.root());
        SpaceUsage before = r1.flashSpace();
        assertThat(before.free()).isGreaterThan(12L * 1024 * 1024);
        List<String> hostBefore = r1.hostFiles();

        Run big = scp(localFile("big.bin", 12 * 1024 * 1024), "admin@127.0.0.1:flash0:big.bin");

        assertThat(big.exitCode()).isEqualTo(1);
        assertThat(big.stderr()).contains("%Error copying flash0:/big.bin (Not enough space on device)")
                .doesNotContain("lost connection");
        assertThat(r1.flashSpace()).isEqualTo(before);
        assertThat(r1.hostFiles()).isEqualTo(hostBefore);

        Path small = localFile("small.bin", 1024 * 1024);
        Run ok = scp(small, "admin@127.0.0.1:flash0:small.bin");
        assertThat(ok.exitCode()).as(ok.stderr()).isZero();
        IosFileSystem flash = r1.flash();
        assertThat(flash.openInputStream(flash.resolve("small.bin")).readAllBytes())
                .isEqualTo(Files.readAllBytes(small));
    }

    @Test
    void saveOnAFullHostDiskKeepsTheOldStartupConfigAndWorksOnceSpaceReturns() throws Exception {
        r1 = new ScpDevice(disk.root());
        r1.device().saveStartupConfig();
        IosFileSystem nvram = r1.device().fileSystems().find("nvram").orElseThrow();
        byte[] saved = nvram.openInputStream(nvram.resolve("startup-config")).readAllBytes();
        r1.configure("hostname R1-CHANGED\n");
        disk.fill(disk.root().resolve("filler"), 0);

        assertThatThrownBy(() -> r1.device().saveStartupConfig())
                .isInstanceOfSatisfying(FsException.class, e -> {
                    assertThat(e.error()).isEqualTo(FsError.NOT_ENOUGH_SPACE);
                    assertThat(e.getMessage()).isEqualTo("nvram:/startup-config (Not enough space on device)");
                });
        assertThat(nvram.openInputStream(nvram.resolve("startup-config")).readAllBytes()).isEqualTo(saved);
        assertThat(nvram.space().reserved()).isZero();

        Files.delete(disk.root().resolve("filler"));
        r1.device().saveStartupConfig();
        assertThat(new String(nvram.openInputStream(nvram.resolve("startup-config")).readAllBytes(),
                StandardCharsets.ISO_8859_1)).contains("hostname R1-CHANGED");
    }

    private Path localFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private record Run(int exitCode, String stderr) {
    }

    private Run scp(Path from, String to) throws IOException, InterruptedException {
        Path askpass = dir.resolve("askpass.sh");
        Files.writeString(askpass, "#!/bin/sh\necho admin\n");
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder builder = new ProcessBuilder(SCP.toString(), "-O", "-F", "/dev/null",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "PubkeyAuthentication=no", "-o", "NumberOfPasswordPrompts=1",
                "-P", Integer.toString(r1.address().getPort()), from.toString(), to);
        builder.environment().put("SSH_ASKPASS", askpass.toString());
        builder.environment().put("SSH_ASKPASS_REQUIRE", "force");
        builder.environment().put("DISPLAY", ":0");
        Path err = dir.resolve("stderr");
        builder.redirectOutput(dir.resolve("stdout").toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("scp did not finish; stderr: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }
}
