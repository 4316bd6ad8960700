package dev.ioslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.commands.CommandSets;
import dev.ioslab.device.Device;
import dev.ioslab.device.Platform;
import dev.ioslab.testing.CliTester;
import dev.ioslab.testing.FakeTerminal;
import dev.ioslab.testing.HoldingExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exec-timeout}: an idle session is logged out; typing keeps it alive; 0 0 never times out. */
class ExecTimeoutTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private CliSession session(String execTimeout, FakeTerminal terminal, CliTester.MutableClock clock)
            throws Exception {
        return session(execTimeout, terminal, clock, Runnable::run);
    }

    /** A session whose commands do their file work on {@code fileIo}. */
    private CliSession session(String execTimeout, FakeTerminal terminal, CliTester.MutableClock clock,
                               Executor fileIo) throws Exception {
        Device device = new Device("R1", Platform.c3900("FGL161010K8"), dir, clock);
        DeviceShell shell = new DeviceShell(device, CommandSets.standard(fileIo), timer);
        shell.replayConfig("line vty 0 4\n exec-timeout " + execTimeout + "\n");
        CliSession s = (CliSession) shell.openShell(new SessionInfo("admin", 15, "telnet",
                new InetSocketAddress("127.0.0.1", 40000), "vt100", 80, 24), terminal);
        s.start();
        return s;
    }

    private static void await(FakeTerminal t, boolean closed, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (t.isClosed() != closed && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
    }

    @Test
    void idleSessionIsLoggedOut() throws Exception {
        FakeTerminal terminal = new FakeTerminal();
        CliTester.MutableClock clock = CliTester.clockAt(CliTester.EPOCH);
        session("0 1", terminal, clock);
        clock.advance(Duration.ofSeconds(2));
        await(terminal, true, 5000);
        assertThat(terminal.isClosed()).isTrue();
    }

    @Test
    void typingKeepsTheSessionAlive() throws Exception {
        FakeTerminal terminal = new FakeTerminal();
        CliTester.MutableClock clock = CliTester.clockAt(CliTester.EPOCH);
        CliSession s = session("0 1", terminal, clock);
        byte[] enter = "\r".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMillis(500));
            s.receive(enter, 0, 1);
            Thread.sleep(300);
        }
        assertThat(terminal.isClosed()).isFalse();
    }

    /**
     * A command that runs past the timeout (a long copy) is not cut off, and the wait for input starts afresh at the
     * prompt after it: no logout a second after the command ends, but one a whole timeout later.
     */
    @Test
    void aLongCommandIsFollowedByAFullTimeoutAtItsPrompt() throws Exception {
        FakeTerminal terminal = new FakeTerminal();
        CliTester.MutableClock clock = CliTester.clockAt(CliTester.EPOCH);
        HoldingExecutor fileIo = new HoldingExecutor();
        fileIo.hold();
        CliSession s = session("0 1", terminal, clock, fileIo);
        byte[] save = "write memory\r".getBytes(StandardCharsets.ISO_8859_1);
        s.receive(save, 0, save.length);
        assertThat(fileIo.held()).as("write memory waits for its file work").isEqualTo(1);

        clock.advance(Duration.ofSeconds(5));
        fileIo.runAll();
        assertThat(terminal.output()).endsWith("[OK]\r\nR1#");
        // The check made while the command ran found it busy and looks again each second; none may log out now.
        await(terminal, true, 2500);
        assertThat(terminal.isClosed()).as("logged out right after the command").isFalse();

        clock.advance(Duration.ofSeconds(2));
        await(terminal, true, 5000);
        assertThat(terminal.isClosed()).as("logged out a timeout after the prompt").isTrue();
    }

    @Test
    void zeroMeansNever() throws Exception {
        FakeTerminal terminal = new FakeTerminal();
        CliTester.MutableClock clock = CliTester.clockAt(CliTester.EPOCH);
        session("0 0", terminal, clock);
        clock.advance(Duration.ofDays(1));
        await(terminal, true, 1500);
        assertThat(terminal.isClosed()).isFalse();
    }

    @Test
    void loggingOutCancelsTheIdleCheck() throws Exception {
        ScheduledThreadPoolExecutor checks = new ScheduledThreadPoolExecutor(1);
        checks.setRemoveOnCancelPolicy(true);
        try {
            Device device = new Device("R1", Platform.c3900("FGL161010K8"), dir,
                    CliTester.clockAt(CliTester.EPOCH));
            DeviceShell shell = new DeviceShell(device, CommandSets.standard(Runnable::run), checks);
            FakeTerminal terminal = new FakeTerminal();
            CliSession s = (CliSession) shell.openShell(new SessionInfo("admin", 15, "ssh",
                    new InetSocketAddress("127.0.0.1", 40000), "vt100", 80, 24), terminal);
            s.start();
            assertThat(checks.getQueue()).hasSize(1);

            byte[] exit = "exit\r".getBytes(StandardCharsets.ISO_8859_1);
            s.receive(exit, 0, exit.length);
            s.disconnected();

            // Nothing of the session is kept for the ten minutes of the default exec-timeout.
            assertThat(terminal.isClosed()).isTrue();
            assertThat(checks.getQueue()).isEmpty();
        } finally {
            checks.shutdownNow();
        }
    }
}
