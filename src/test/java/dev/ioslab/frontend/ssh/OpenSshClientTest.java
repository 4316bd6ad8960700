package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Drives the device with the real OpenSSH client, the way an engineer logs in. */
@Timeout(60)
class OpenSshClientTest {

    private static final Path SSH = Path.of("/usr/bin/ssh");

    @TempDir
    Path dir;

    private final FakeEndpoint endpoint = new FakeEndpoint("r1");
    private SshBackend backend;
    private SshServerFrontend frontend;
    private InetSocketAddress address;
    private Path askpass;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Files.isExecutable(SSH), "OpenSSH client not installed at " + SSH);
        LogCapture.quietLibraries();
        backend = new SshBackend(2);
        frontend = new SshServerFrontend(endpoint, new InetSocketAddress("127.0.0.1", 0), dir.resolve("host_key"),
                backend, SshSettings.defaults());
        address = frontend.start();
        askpass = dir.resolve("askpass.sh");
        Files.writeString(askpass, "#!/bin/sh\necho " + FakeEndpoint.PASSWORD + "\n");
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
    }

    @AfterEach
    void tearDown() {
        if (frontend != null) {
            frontend.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run ssh(List<String> options, String command, String stdin) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(SSH.toString(), "-F", "/dev/null",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "PubkeyAuthentication=no", "-o", "NumberOfPasswordPrompts=1",
                "-p", Integer.toString(address.getPort())));
        argv.addAll(options);
        argv.add(FakeEndpoint.USER + "@127.0.0.1");
        if (command != null) {
            argv.add(command);
        }
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().put("SSH_ASKPASS", askpass.toString());
        builder.environment().put("SSH_ASKPASS_REQUIRE", "force");
        builder.environment().put("DISPLAY", ":0");
        builder.environment().put("TERM", "vt100");
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        builder.redirectOutput(out.toFile());
        builder.redirectError(err.toFile());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.ISO_8859_1));
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ssh did not finish; stderr: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                Files.readString(err, StandardCharsets.ISO_8859_1));
    }

    @Test
    void execCommandPrintsOutputAndPassesExitStatus() throws Exception {
        Run ok = ssh(List.of(), "show version", "");
        assertThat(ok.exitCode()).as(ok.stderr()).isZero();
        assertThat(ok.stdout()).isEqualTo("r1 ran show version for admin\r\n");

        Run failed = ssh(List.of(), "bad thing", "");
        assertThat(failed.exitCode()).as(failed.stderr()).isEqualTo(1);
    }

    @Test
    void passwordMethodAloneAlsoLogsIn() throws Exception {
        Run run = ssh(List.of("-o", "PreferredAuthentications=password"), "show clock", "");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("r1 ran show clock");
    }

    @Test
    void interactiveShellWithForcedTtyEchoesAndEndsOnExit() throws Exception {
        Run run = ssh(List.of("-tt", "-o", "PreferredAuthentications=keyboard-interactive"), null,
                "show users\rexit\r");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("r1#").contains("show users\r\nr1#").endsWith("exit\r\n");
        FakeShellSession cli = endpoint.nextShell();
        assertThat(cli.info.terminalType()).isEqualTo("vt100");
        assertThat(cli.awaitDisconnected()).isTrue();
    }

    @Test
    void wrongPasswordFailsTheLogin() throws Exception {
        Files.writeString(askpass, "#!/bin/sh\necho not-the-password\n");
        Run run = ssh(List.of(), "show version", "");
        assertThat(run.exitCode()).isEqualTo(255);
        assertThat(run.stderr()).contains("Permission denied");
    }
}
