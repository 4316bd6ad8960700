package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.ioslab.fs.SpaceUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python's {@code scp} module over paramiko, exactly as Netmiko's {@code file_transfer} uses it: a second SSH
 * connection, {@code SCPClient(transport, socket_timeout=…).put(local, "flash0:/<file>")}, then close; {@code get}
 * for the other direction (reference §5.9, automation-clients §1.3).
 */
@Timeout(90)
class PythonScpTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final String SCRIPT = String.join("\n",
            "import sys, paramiko, scp",
            "port, user, mode, local, remote = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]",
            "c = paramiko.SSHClient()",
            "c.set_missing_host_key_policy(paramiko.AutoAddPolicy())",
            "c.connect('127.0.0.1', port=port, username=user, password=user, look_for_keys=False,",
            "          allow_agent=False, timeout=10)",
            "s = scp.SCPClient(c.get_transport(), socket_timeout=10.0)",
            "try:",
            "    if mode == 'put':",
            "        s.put(local, remote)",
            "    else:",
            "        s.get(remote, local)",
            "    print('OK')",
            "except scp.SCPException as e:",
            "    print('SCPException: ' + str(e))",
            "finally:",
            "    s.close()",
            "    c.close()",
            "");

    @TempDir
    Path dir;

    private ScpDevice r1;
    private Path script;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import scp, paramiko").start();
        assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "python3-scp/paramiko missing");
        LogCapture.quietLibraries();
        r1 = new ScpDevice(dir);
        script = dir.resolve("netmiko_scp.py");
        Files.writeString(script, SCRIPT);
    }

    @AfterEach
    void tearDown() {
        if (r1 != null) {
            r1.close();
        }
    }

    private String python(String user, String mode, Path local, String remote)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), script.toString(),
                Integer.toString(r1.address().getPort()), user, mode, local.toString(), remote);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("python did not finish");
        }
        return new String(output, StandardCharsets.UTF_8).strip();
    }

    private Path localFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void putThenGetTheWayNetmikoDoes() throws Exception {
        Path image = localFile("c3900-universalk9-mz.SPA.157-3.M8.bin", 3 * 1024 * 1024 + 1);

        assertThat(python("admin", "put", image, "flash0:/c3900-universalk9-mz.SPA.157-3.M8.bin")).isEqualTo("OK");
        assertThat(r1.flashNames()).containsExactly("c3900-universalk9-mz.SPA.157-3.M8.bin");

        Path back = dir.resolve("back.bin");
        assertThat(python("admin", "get", back, "flash0:/c3900-universalk9-mz.SPA.157-3.M8.bin")).isEqualTo("OK");
        assertThat(Files.readAllBytes(back)).isEqualTo(Files.readAllBytes(image));
        assertThat(r1.flashSpace().reserved()).isZero();
    }

    @Test
    void privilegeOneUserGetsPrivilegeDenied() throws Exception {
        Path file = localFile("x.bin", 10);

        assertThat(python("guest", "put", file, "flash0:/x.bin")).isEqualTo("SCPException: Privilege denied.");
        assertThat(r1.flashNames()).isEmpty();
    }

    @Test
    void fileLargerThanFreeSpaceIsRefusedAndLeavesNothing() throws Exception {
        SpaceUsage before = r1.flashSpace();
        List<String> hostBefore = r1.hostFiles();
        Path big = localFile("big.bin", (int) ScpDevice.FLASH_BYTES + 1);

        assertThat(python("admin", "put", big, "flash0:/big.bin"))
                .isEqualTo("SCPException: %Error copying flash0:/big.bin (Not enough space on device)");
        r1.awaitNoWriteInFlight(Duration.ofSeconds(10));
        assertThat(r1.flashNames()).isEmpty();
        assertThat(r1.flashSpace()).isEqualTo(before);
        assertThat(r1.hostFiles()).isEqualTo(hostBefore);
    }
}
