package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs in with paramiko the way Netmiko 4 ({@code invoke_shell("vt100", 511, 1000)}) and Ansible/Netmiko 2.4
 * (exec, default pty) do; Debian bookworm ships paramiko 2.12, whose algorithm set is the one to satisfy.
 */
@Timeout(60)
class ParamikoClientTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final String SCRIPT = String.join("\n",
            "import sys, time, paramiko",
            "port = int(sys.argv[1])",
            "c = paramiko.SSHClient()",
            "c.set_missing_host_key_policy(paramiko.AutoAddPolicy())",
            "c.connect('127.0.0.1', port=port, username='admin', password='secret',",
            "          look_for_keys=False, allow_agent=False, timeout=10)",
            "t = c.get_transport()",
            "print('HOSTKEY', t.get_remote_server_key().get_name())",
            "ch = c.invoke_shell(term='vt100', width=511, height=1000)",
            "buf = b''",
            "deadline = time.time() + 10",
            "def read_until(token):",
            "    global buf",
            "    while token not in buf and time.time() < deadline:",
            "        if ch.recv_ready():",
            "            buf += ch.recv(65535)",
            "        else:",
            "            time.sleep(0.02)",
            "read_until(b'r1#')",
            "ch.send('terminal length 0\\n')",
            "read_until(b'terminal length 0\\r\\nr1#')",
            "print('SHELL', repr(buf.decode('latin-1')))",
            "stdin, stdout, stderr = c.exec_command('show version')",
            "print('EXEC', repr(stdout.read().decode('latin-1')), stdout.channel.recv_exit_status())",
            "c.close()",
            "");

    @TempDir
    Path dir;

    private final FakeEndpoint endpoint = new FakeEndpoint("r1");
    private SshBackend backend;
    private SshServerFrontend frontend;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import paramiko").start();
        assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "paramiko not installed");
        LogCapture.quietLibraries();
        backend = new SshBackend(2);
        frontend = new SshServerFrontend(endpoint, new InetSocketAddress("127.0.0.1", 0), dir.resolve("host_key"),
                backend, SshSettings.defaults());
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

    @Test
    void paramikoNegotiatesOpensNetmikoShellAndRunsExec() throws Exception {
        InetSocketAddress address = frontend.start();
        Path script = dir.resolve("client.py");
        Files.writeString(script, SCRIPT);
        Process process = new ProcessBuilder(PYTHON.toString(), script.toString(), Integer.toString(address.getPort()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("HOSTKEY ecdsa-sha2-nistp256")
                .contains("SHELL 'r1#terminal length 0\\r\\nr1#'")
                .contains("EXEC 'r1 ran show version for admin\\r\\n' 0");
        FakeShellSession cli = endpoint.nextShell();
        assertThat(cli.info.terminalType()).isEqualTo("vt100");
        assertThat(cli.info.columns()).isEqualTo(511);
        assertThat(cli.info.rows()).isEqualTo(1000);
    }
}
