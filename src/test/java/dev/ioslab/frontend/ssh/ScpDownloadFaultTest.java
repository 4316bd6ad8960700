package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.scp.client.ScpClientCreator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCP downloads ({@code scp admin@r1:flash0:x .}) whose read of flash fails part-way, through the read seam of
 * {@link ScpTarget#source}: the client receives the announced number of bytes (zeros after the failure, as OpenSSH's
 * own source sends) and then an SCP error instead of the {@code \0} status, so it reports the failure rather than
 * keeping a silently short or padded file; the daemon logs one WARN line.
 */
@Timeout(60)
class ScpDownloadFaultTest {

    private static final int SIZE = 200 * 1024;
    private static final int GOOD = 64 * 1024;
    private static final String ERROR = "%Error reading flash0:/big.bin (I/O error)";

    @TempDir
    Path dir;

    private ScpDevice r1;
    private SshClient client;
    private LogCapture log;
    private byte[] content;

    @BeforeEach
    void setUp() throws Exception {
        LogCapture.quietLibraries();
        r1 = new ScpDevice(dir);
        client = MinaClients.passwordClient();
        // Printable bytes, so that what the raw channel reads back can be compared as text.
        content = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        try (ClientSession session = MinaClients.login(client, r1.address(), "admin", "admin")) {
            ScpClientCreator.instance().createScpClient(session).upload(content, "flash0:/big.bin",
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

    /** Lets {@code limit} bytes of {@code opened} through, then fails as a broken disk does, or ends when cut. */
    private static ReadableByteChannel failingAfter(FileChannel opened, long limit, boolean cut) {
        return new ReadableByteChannel() {
            private long passed;

            @Override
            public int read(ByteBuffer into) throws IOException {
                long room = limit - passed;
                if (room <= 0) {
                    if (cut) {
                        return -1;
                    }
                    throw new IOException("Input/output error");
                }
                ByteBuffer part = into.duplicate();
                if (part.remaining() > room) {
                    part.limit(part.position() + (int) room);
                }
                int n = opened.read(part);
                if (n > 0) {
                    into.position(into.position() + n);
                    passed += n;
                }
                return n;
            }

            @Override
            public boolean isOpen() {
                return opened.isOpen();
            }

            @Override
            public void close() throws IOException {
                opened.close();
            }
        };
    }

    private String expectedStream() {
        return "C0644 " + SIZE + " big.bin\n" + new String(content, 0, GOOD, StandardCharsets.US_ASCII)
                + "\0".repeat(SIZE - GOOD) + "\001" + ERROR + "\n";
    }

    @Test
    void readErrorMidFileEndsTheDataWithZerosAndAnScpErrorInsteadOfOk() throws Exception {
        r1.readThrough((file, opened) -> failingAfter(opened, GOOD, false));

        String stream;
        int exit;
        try (ClientSession session = MinaClients.login(client, r1.address(), "admin", "admin")) {
            RawScpChannel raw = RawScpChannel.open(session, "scp -f flash0:/big.bin");
            // Ready, the C line's acknowledgement, and the answer a sink gives the file's status (sent ahead: the
            // server reads it only after the status, before it ends the channel).
            raw.sendBytes(new byte[] {0, 0, 0});
            stream = raw.readAll();
            exit = raw.exitStatus();
        }

        assertThat(stream).isEqualTo(expectedStream());
        assertThat(exit).isEqualTo(1);
        assertThat(log.messages(Level.WARN)).singleElement().asString()
                .contains("R1", "admin", "reading flash0:/big.bin", "failed: I/O error", "Input/output error");
    }

    @Test
    void fileCutShortBehindTheDaemonsBackIsAnErrorToo() throws Exception {
        r1.readThrough((file, opened) -> failingAfter(opened, GOOD, true));

        String stream;
        try (ClientSession session = MinaClients.login(client, r1.address(), "admin", "admin")) {
            RawScpChannel raw = RawScpChannel.open(session, "scp -f flash0:/big.bin");
            raw.sendBytes(new byte[] {0, 0, 0});
            stream = raw.readAll();
        }

        assertThat(stream).isEqualTo(expectedStream());
        assertThat(log.messages(Level.WARN)).singleElement().asString()
                .contains("R1", "flash0:/big.bin", "file ended after " + GOOD + " of " + SIZE + " bytes");
    }

    @Test
    void openSshScpPrintsTheCauseAndFails() throws Exception {
        Path scp = Path.of("/usr/bin/scp");
        assumeTrue(Files.isExecutable(scp), "OpenSSH scp not installed at " + scp);
        r1.readThrough((file, opened) -> failingAfter(opened, GOOD, false));
        Path askpass = dir.resolve("askpass.sh");
        Files.writeString(askpass, "#!/bin/sh\necho admin\n");
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        Path target = Files.createDirectories(dir.resolve("client"));

        ProcessBuilder builder = new ProcessBuilder(scp.toString(), "-O", "-F", "/dev/null",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "PubkeyAuthentication=no", "-o", "NumberOfPasswordPrompts=1",
                "-P", Integer.toString(r1.address().getPort()), "admin@127.0.0.1:flash0:big.bin", target.toString());
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
        assertThat(process.exitValue()).as(stderr).isEqualTo(1);
        assertThat(stderr).contains(ERROR).doesNotContain("lost connection");
        assertThat(log.messages(Level.WARN)).singleElement().asString().contains("R1", "admin", "flash0:/big.bin");
    }

    @Test
    void pythonScpAsNetmikoUsesItRaisesTheCause() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no " + python);
        Process probe = new ProcessBuilder(python.toString(), "-c", "import scp, paramiko").start();
        assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "python3-scp/paramiko missing");
        r1.readThrough((file, opened) -> failingAfter(opened, GOOD, false));
        Path script = dir.resolve("get.py");
        Files.writeString(script, String.join("\n",
                "import sys, paramiko, scp",
                "c = paramiko.SSHClient()",
                "c.set_missing_host_key_policy(paramiko.AutoAddPolicy())",
                "c.connect('127.0.0.1', port=int(sys.argv[1]), username='admin', password='admin',",
                "          look_for_keys=False, allow_agent=False, timeout=10)",
                "s = scp.SCPClient(c.get_transport(), socket_timeout=10.0)",
                "try:",
                "    s.get('flash0:/big.bin', sys.argv[2])",
                "    print('OK')",
                "except scp.SCPException as e:",
                "    print('SCPException: ' + str(e))",
                "finally:",
                "    s.close()",
                "    c.close()",
                ""));

        Process process = new ProcessBuilder(python.toString(), script.toString(),
                Integer.toString(r1.address().getPort()), dir.resolve("got.bin").toString())
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(new String(output, StandardCharsets.UTF_8).strip()).isEqualTo("SCPException: " + ERROR);
    }
}
