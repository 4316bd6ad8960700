package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.config.ConnectionLimits;
import dev.ioslab.testing.SshShell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flood of idle connections from one address (127.0.0.2) against a rack with a budget of 1,000 descriptors: the
 * daemon keeps what its caps allow and closes the rest at once, so its descriptors stay under the budget, and a user
 * from 127.0.0.1 still logs in over SSH and gets a login prompt over Telnet while the flood stands.
 */
class ConnectionFloodTest {

    private static final long BUDGET = 1_000;
    private static final int FLOOD = 2_000;
    /** {@code line vty 0 4}: the test rack's device has five lines. */
    private static final int VTY_LINES = 5;
    private static final Path SELF_FD = Path.of("/proc/self/fd");

    @TempDir
    Path dir;

    @Test
    void floodFromOneAddressNeitherExhaustsDescriptorsNorLocksOutOthers() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SELF_FD), "needs /proc/self/fd (Linux) to count descriptors");
        Assumptions.assumeTrue(commandWorks("python3", "--version"), "needs python3 for the flood client");
        ConnectionLimits limits = new ConnectionLimits(OptionalLong.of(BUDGET), OptionalLong.empty(),
                ConnectionLimits.DEFAULT_MAX_UNAUTHENTICATED, ConnectionLimits.DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS,
                ConnectionLimits.DEFAULT_MAX_UNAUTHENTICATED_PER_LISTENER);
        try (RackFixture rack = new RackFixture(dir, 1, false, limits)) {
            int sshPort = rack.port("r1", "ssh");
            int telnetPort = rack.port("r1", "telnet");
            Path client = dir.resolve("flood_client.py");
            try (InputStream script = getClass().getResourceAsStream("/flood/flood_client.py")) {
                Files.copy(script, client);
            }
            Process flood = new ProcessBuilder("python3", client.toString(), "127.0.0.2", String.valueOf(FLOOD),
                    "127.0.0.1:" + sshPort, "127.0.0.1:" + telnetPort)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                BufferedReader out = new BufferedReader(
                        new InputStreamReader(flood.getInputStream(), StandardCharsets.US_ASCII));
                String ready = CompletableFuture.supplyAsync(() -> readLine(out)).get(120, TimeUnit.SECONDS);
                assertThat(ready).as("flood client's report").startsWith("ready ");
                assertThat(Integer.parseInt(ready.split(" ")[1]) + Integer.parseInt(ready.split(" ")[2]))
                        .isEqualTo(FLOOD);

                try (SshShell shell = SshShell.open(new InetSocketAddress("127.0.0.1", sshPort), "admin", "admin")) {
                    shell.await("r1#");
                    assertThat(openDescriptors()).as("descriptors of the daemon's JVM during the flood")
                            .isLessThan(BUDGET);
                }
                // The SSH session held the last free vty line; its line is freed once the server sees it close.
                awaitLinesInUseBelow(rack, VTY_LINES);
                try (Socket telnet = new Socket("127.0.0.1", telnetPort)) {
                    telnet.setSoTimeout(20_000);
                    assertThat(readUntil(telnet.getInputStream(), "Username:")).contains("Username:");
                }
                assertThat(openDescriptors()).isLessThan(BUDGET);
            } finally {
                flood.getOutputStream().close();
                if (!flood.waitFor(60, TimeUnit.SECONDS)) {
                    flood.destroyForcibly();
                }
            }
        }
    }

    private static void awaitLinesInUseBelow(RackFixture rack, int lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (rack.daemon.devices().get(0).device().activeLines().size() >= lines
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(rack.daemon.devices().get(0).device().activeLines()).as("vty lines in use").hasSizeLessThan(lines);
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> entries = Files.list(SELF_FD)) {
            return entries.count();
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readUntil(InputStream in, String expected) throws IOException {
        StringBuilder seen = new StringBuilder();
        int b;
        while (!seen.toString().contains(expected) && (b = in.read()) >= 0) {
            seen.append((char) b);
        }
        return seen.toString();
    }

    private static boolean commandWorks(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
