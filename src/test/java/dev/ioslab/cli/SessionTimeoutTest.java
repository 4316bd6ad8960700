package dev.ioslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.commands.CommandSets;
import dev.ioslab.device.Device;
import dev.ioslab.device.Platform;
import dev.ioslab.testing.CliTester;
import dev.ioslab.testing.FakeTerminal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code session-timeout M [output]}: a session without input for M minutes is closed with no message; with
 * {@code output}, output to the session keeps it open too. The timer's checks are run by hand against the injected
 * clock, so minutes pass without waiting.
 */
class SessionTimeoutTest {

    @TempDir
    Path dir;

    private final ManualTimer timer = new ManualTimer();
    private final CliTester.MutableClock clock = CliTester.clockAt(CliTester.EPOCH);
    private final FakeTerminal terminal = new FakeTerminal();
    private Device device;

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private CliSession session(String lineConfig) throws Exception {
        device = new Device("R1", Platform.c3900("FGL161010K8"), dir, clock);
        DeviceShell shell = new DeviceShell(device, CommandSets.standard(Runnable::run), timer);
        shell.replayConfig("line vty 0 4\n exec-timeout 0 0\n" + lineConfig);
        CliSession s = (CliSession) shell.openShell(new SessionInfo("admin", 15, "telnet",
                new InetSocketAddress("127.0.0.1", 40000), "vt100", 80, 24), terminal);
        s.start();
        terminal.take();
        return s;
    }

    private void pass(Duration d) {
        clock.advance(d);
        timer.runChecks();
    }

    @Test
    void sessionWithoutInputIsClosedAfterTheTimeoutWithNoMessage() throws Exception {
        session(" session-timeout 5\n");
        pass(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(terminal.isClosed()).isFalse();
        pass(Duration.ofSeconds(1));
        assertThat(terminal.isClosed()).isTrue();
        assertThat(terminal.take()).isBlank();
    }

    @Test
    void inputRestartsTheTimeout() throws Exception {
        CliSession s = session(" session-timeout 5\n");
        pass(Duration.ofMinutes(4));
        byte[] enter = "\r".getBytes(StandardCharsets.ISO_8859_1);
        s.receive(enter, 0, enter.length);
        pass(Duration.ofMinutes(4));
        assertThat(terminal.isClosed()).isFalse();
        pass(Duration.ofMinutes(1));
        assertThat(terminal.isClosed()).isTrue();
    }

    @Test
    void outputKeepsTheSessionOnlyWithTheOutputKeyword() throws Exception {
        session(" session-timeout 5 output\n");
        pass(Duration.ofMinutes(4));
        device.lines().find(0).orElseThrow().terminal().announce("\r\n*** message ***\r\n");
        pass(Duration.ofMinutes(4));
        assertThat(terminal.isClosed()).isFalse();
        pass(Duration.ofMinutes(1));
        assertThat(terminal.isClosed()).isTrue();
    }

    @Test
    void withoutTheOutputKeywordOutputDoesNotKeepTheSession() throws Exception {
        session(" session-timeout 5\n");
        pass(Duration.ofMinutes(4));
        device.lines().find(0).orElseThrow().terminal().announce("\r\n*** message ***\r\n");
        pass(Duration.ofMinutes(1));
        assertThat(terminal.isClosed()).isTrue();
    }

    @Test
    void runningConfigAndShowLineShowTheTimeout() throws Exception {
        CliSession s = session(" session-timeout 30\n");
        byte[] cmd = "show running-config | section line vty\r".getBytes(StandardCharsets.ISO_8859_1);
        s.receive(cmd, 0, cmd.length);
        assertThat(terminal.take()).contains("line vty 0 4\r\n session-timeout 30 \r\n exec-timeout 0 0\r\n");
        byte[] show = "show line vty 0 | include never\r".getBytes(StandardCharsets.ISO_8859_1);
        s.receive(show, 0, show.length);
        assertThat(terminal.take()).contains("               never           00:30:00                     none");
    }

    /** A timer whose checks run only when the test says so; what they schedule waits for the next call. */
    private static final class ManualTimer extends ScheduledThreadPoolExecutor {

        private final List<Runnable> pending = new ArrayList<>();

        ManualTimer() {
            super(1);
        }

        @Override
        public synchronized ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
            pending.add(task);
            return super.schedule(() -> { }, 1, TimeUnit.DAYS);
        }

        void runChecks() {
            List<Runnable> due;
            synchronized (this) {
                due = List.copyOf(pending);
                pending.clear();
            }
            due.forEach(Runnable::run);
        }
    }
}
