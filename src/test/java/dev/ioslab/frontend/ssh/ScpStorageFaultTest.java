package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import dev.ioslab.fs.FaultyWriteChannels;
import dev.ioslab.fs.HostFailure;
import dev.ioslab.fs.SpaceUsage;
import dev.ioslab.fs.StorageFault;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.scp.client.ScpClientCreator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SCP uploads into a device whose host disk fails (through the file-channel seam): the client reads IOS's cause as
 * an SCP error after its last byte, the daemon logs one WARN line, and flash is exactly as before.
 */
@Timeout(60)
class ScpStorageFaultTest {

    private static final int SIZE = 200 * 1024;
    private static final byte[] OLD = "old image\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private final AtomicReference<StorageFault> fault = new AtomicReference<>();
    private ScpDevice r1;
    private SshClient client;
    private LogCapture log;

    @BeforeEach
    void setUp() throws Exception {
        LogCapture.quietLibraries();
        r1 = new ScpDevice(dir, new FaultyWriteChannels(destination -> Optional.ofNullable(fault.get())));
        client = MinaClients.passwordClient();
        try (ClientSession session = login()) {
            ScpClientCreator.instance().createScpClient(session).upload(OLD, "flash0:/big.bin",
                    EnumSet.noneOf(java.nio.file.attribute.PosixFilePermission.class), null);
        }
        log = new LogCapture(ScpServerCommand.class);
    }

    @AfterEach
    void tearDown() {
        if (log != null) {
            log.close();
        }
        if (client != null) {
            client.stop();
        }
        if (r1 != null) {
            r1.close();
        }
    }

    private ClientSession login() throws IOException {
        return MinaClients.login(client, r1.address(), "admin", "admin");
    }

    @ParameterizedTest
    @CsvSource({"NO_SPACE, Not enough space on device", "QUOTA_EXCEEDED, Not enough space on device",
            "IO_ERROR, I/O error"})
    void failureMidFileIsReportedAfterTheLastByteAndChangesNothing(HostFailure failure, String cause)
            throws Exception {
        SpaceUsage before = r1.flashSpace();
        List<String> hostBefore = r1.hostFiles();
        fault.set(new StorageFault(failure, 64 * 1024));

        String reply;
        int exit;
        try (ClientSession session = login()) {
            RawScpChannel raw = RawScpChannel.open(session, "scp -t flash0:/big.bin");
            raw.expectOk();
            raw.send("C0644 " + SIZE + " big.bin\n").expectOk();
            byte[] data = new byte[SIZE];
            new Random(7).nextBytes(data);
            // Every byte is accepted even after the disk failed: the channel stays open for the status.
            raw.sendBytes(data).sendBytes(new byte[] {0});
            reply = raw.readAll();
            exit = raw.exitStatus();
        }

        assertThat(reply).isEqualTo("\001%Error copying flash0:/big.bin (" + cause + ")\n");
        assertThat(exit).isEqualTo(1);
        r1.awaitNoWriteInFlight(Duration.ofSeconds(10));
        assertThat(r1.flashSpace()).isEqualTo(before);
        assertThat(r1.hostFiles()).isEqualTo(hostBefore);
        assertThat(r1.flash().openInputStream(r1.flash().resolve("big.bin")).readAllBytes()).isEqualTo(OLD);
        assertThat(log.messages(Level.WARN)).singleElement().asString()
                .contains("R1", "admin", "flash0:/big.bin", cause);
    }

    @Test
    void readOnlyHostRefusesTheFileBeforeItsFirstByte() throws Exception {
        List<String> hostBefore = r1.hostFiles();
        fault.set(new StorageFault(HostFailure.READ_ONLY, 0));

        try (ClientSession session = login()) {
            RawScpChannel raw = RawScpChannel.open(session, "scp -t flash0:/new.bin");
            raw.expectOk();
            raw.send("C0644 10 new.bin\n");
            assertThat(raw.readAll()).isEqualTo("\001%Error copying flash0:/new.bin (Read-only file system)\n");
            assertThat(raw.exitStatus()).isEqualTo(1);
        }

        r1.awaitNoWriteInFlight(Duration.ofSeconds(10));
        assertThat(r1.hostFiles()).isEqualTo(hostBefore);
        assertThat(log.messages(Level.WARN)).singleElement().asString()
                .contains("R1", "admin", "flash0:/new.bin", "failed: Read-only file system (host: ")
                .endsWith(": Read-only file system)");
    }

    @Test
    void uploadWorksAgainOnceTheDiskHasRoom() throws Exception {
        fault.set(new StorageFault(HostFailure.NO_SPACE, 1000));
        byte[] data = new byte[SIZE];
        new Random(9).nextBytes(data);
        try (ClientSession session = login()) {
            RawScpChannel raw = RawScpChannel.open(session, "scp -t flash0:/big.bin");
            raw.expectOk();
            raw.send("C0644 " + SIZE + " big.bin\n").expectOk();
            raw.sendBytes(data).sendBytes(new byte[] {0});
            assertThat(raw.readAll()).contains("(Not enough space on device)");
        }
        r1.awaitNoWriteInFlight(Duration.ofSeconds(10));

        fault.set(null);
        try (ClientSession session = login()) {
            var scp = ScpClientCreator.instance().createScpClient(session);
            scp.upload(data, "flash0:/big.bin", EnumSet.noneOf(java.nio.file.attribute.PosixFilePermission.class),
                    null);
            assertThat(scp.downloadBytes("flash0:/big.bin")).isEqualTo(data);
        }
    }

    @Test
    void openSshScpPrintsTheCauseInsteadOfLostConnection() throws Exception {
        Path scp = Path.of("/usr/bin/scp");
        assumeTrue(Files.isExecutable(scp), "OpenSSH scp not installed at " + scp);
        Path askpass = dir.resolve("askpass.sh");
        Files.writeString(askpass, "#!/bin/sh\necho admin\n");
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        Path image = dir.resolve("image.bin");
        byte[] data = new byte[4 * 1024 * 1024];
        new Random(11).nextBytes(data);
        Files.write(image, data);
        SpaceUsage before = r1.flashSpace();
        List<String> hostBefore = r1.hostFiles();
        fault.set(new StorageFault(HostFailure.NO_SPACE, 1024 * 1024));

        ProcessBuilder builder = new ProcessBuilder(scp.toString(), "-O", "-F", "/dev/null",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "PubkeyAuthentication=no", "-o", "NumberOfPasswordPrompts=1",
                "-P", Integer.toString(r1.address().getPort()), image.toString(), "admin@127.0.0.1:flash0:big.bin");
        builder.environment().put("SSH_ASKPASS", askpass.toString());
        builder.environment().put("SSH_ASKPASS_REQUIRE", "force");
        builder.environment().put("DISPLAY", ":0");
        Path err = dir.resolve("stderr");
        builder.redirectOutput(dir.resolve("stdout").toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process = builder.start();
        if (!process.waitFor(45, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("scp did not finish; stderr: " + Files.readString(err));
        }

        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(stderr).contains("%Error copying flash0:/big.bin (Not enough space on device)")
                .doesNotContain("lost connection");
        r1.awaitNoWriteInFlight(Duration.ofSeconds(10));
        assertThat(r1.flashSpace()).isEqualTo(before);
        assertThat(r1.hostFiles()).isEqualTo(hostBefore);
    }

    @Test
    void pythonScpAsNetmikoUsesItRaisesTheCause() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no " + python);
        Process probe = new ProcessBuilder(python.toString(), "-c", "import scp, paramiko").start();
        assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "python3-scp/paramiko missing");
        Path script = dir.resolve("put.py");
        Files.writeString(script, String.join("\n",
                "import sys, paramiko, scp",
                "c = paramiko.SSHClient()",
                "c.set_missing_host_key_policy(paramiko.AutoAddPolicy())",
                "c.connect('127.0.0.1', port=int(sys.argv[1]), username='admin', password='admin',",
                "          look_for_keys=False, allow_agent=False, timeout=10)",
                "s = scp.SCPClient(c.get_transport(), socket_timeout=10.0)",
                "try:",
                "    s.put(sys.argv[2], 'flash0:/big.bin')",
                "    print('OK')",
                "except scp.SCPException as e:",
                "    print('SCPException: ' + str(e))",
                "finally:",
                "    s.close()",
                "    c.close()",
                ""));
        Path image = dir.resolve("image.bin");
        byte[] data = new byte[2 * 1024 * 1024];
        new Random(13).nextBytes(data);
        Files.write(image, data);
        List<String> hostBefore = r1.hostFiles();
        fault.set(new StorageFault(HostFailure.IO_ERROR, 512 * 1024));

        Process process = new ProcessBuilder(python.toString(), script.toString(),
                Integer.toString(r1.address().getPort()), image.toString()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(new String(output, StandardCharsets.UTF_8).strip())
                .isEqualTo("SCPException: %Error copying flash0:/big.bin (I/O error)");
        r1.awaitNoWriteInFlight(Duration.ofSeconds(10));
        assertThat(r1.hostFiles()).isEqualTo(hostBefore);
    }

}
