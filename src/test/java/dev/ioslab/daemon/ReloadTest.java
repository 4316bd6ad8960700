package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.ioslab.testing.LogLines;
import dev.ioslab.testing.SshShell;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reload} on a real rack over SSH: the session is dropped, the endpoints are down for the boot time and come
 * back on the same addresses with the startup configuration; another device's session is not disturbed.
 */
@Timeout(120)
class ReloadTest {

    @TempDir
    Path dir;

    @Test
    void reloadDropsSessionsBootsFromStartupConfigAndLeavesOtherDevicesAlone() throws Exception {
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 2)) {
            InetSocketAddress r1 = address(rack, "r1");
            try (SshShell other = SshShell.open(address(rack, "r2"), "admin", "admin");
                 SshShell shell = SshShell.open(r1, "admin", "admin")) {
                shell.await("r1#");
                other.await("r2#");
                shell.type("configure terminal\rhostname SAVED\rend\rwrite memory\r");
                shell.await("[OK]");
                shell.type("configure terminal\rhostname UNSAVED\rend\r");
                shell.await("UNSAVED#");
                shell.take();

                shell.type("reload\r");
                assertThat(shell.await("Save? [yes/no]: ")).contains("System configuration has been modified.");
                shell.type("no\r");
                shell.await("Proceed with reload? [confirm]");
                shell.type("\r");

                assertThat(shell.awaitClosed()).isTrue();
                other.type("show privilege\r");
                assertThat(other.await("Current privilege level is 15")).isNotEmpty();
            }
            awaitListening(r1);
            try (SshShell again = SshShell.open(r1, "admin", "admin")) {
                again.await("SAVED#");
                again.type("terminal length 0\rshow version\r");
                String version = again.await("Configuration register");
                assertThat(version).contains("System returned to ROM by reload at ")
                        .contains("Last reload reason: Reload Command").contains("SAVED uptime is 0 minutes");
            }
        }
    }

    /**
     * A boot waits for its image's verification; it does so on the lifecycle thread, not on the timer that runs
     * every session's exec-timeout and every scheduled reload.
     */
    @Test
    void aDeviceBootsOnTheLifecycleThreadNotOnTheTimer() throws Exception {
        try (LogLines boots = LogLines.of(DeviceEndpoints.class, Level.INFO);
             RackFixture rack = new RackFixture(dir.resolve("var"), 1)) {
            InetSocketAddress r1 = address(rack, "r1");
            try (SshShell shell = SshShell.open(r1, "admin", "admin")) {
                shell.await("r1#");
                assertThat(shell.saveAndReload()).isTrue();
            }
            awaitListening(r1);
            List<String> threads = List.of();
            // The device listens a moment before its boot is logged.
            for (long end = System.nanoTime() + 5_000_000_000L; threads.isEmpty() && System.nanoTime() < end; ) {
                Thread.sleep(10);
                threads = boots.events().stream().filter(e -> e.getFormattedMessage().startsWith("r1: booted"))
                        .map(ILoggingEvent::getThreadName).toList();
            }
            assertThat(threads).singleElement().asString().startsWith("ioslab-lifecycle");
        }
    }

    @Test
    void scheduledReloadIsShownAndCancelledWithTheBanner() throws Exception {
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1);
             SshShell shell = SshShell.open(address(rack, "r1"), "admin", "admin")) {
            shell.await("r1#");
            shell.type("write memory\r");
            shell.await("[OK]");
            shell.take();
            shell.type("reload in 10 maintenance window\r");
            String scheduled = shell.await("Proceed with reload? [confirm]");
            assertThat(scheduled).containsPattern("Reload scheduled for \\d\\d:\\d\\d:\\d\\d UTC \\w{3} \\w{3} \\d{1,2} "
                    + "\\d{4} \\(in 10 minutes\\) by admin on vty0 \\(127\\.0\\.0\\.1\\)")
                    .contains("Reload reason: maintenance window");
            shell.type("\r");
            shell.await("r1#");
            shell.take();
            shell.type("show reload\r");
            assertThat(shell.await("Reload reason: maintenance window")).contains("(in 10 minutes)");
            shell.type("reload cancel\r");
            assertThat(shell.await("*** --- SHUTDOWN ABORTED ---")).contains("\u0007***");
            shell.type("show reload\r");
            assertThat(shell.await("No reload is scheduled.")).isNotEmpty();
            shell.type("reload cancel\r");
            assertThat(shell.await("%No reload is scheduled.")).isNotEmpty();
        }
    }

    private static InetSocketAddress address(RackFixture rack, String device) {
        return new InetSocketAddress("127.0.0.1", rack.port(device, "ssh"));
    }

    /** Polls until the device listens again after its boot time (bounded). */
    private static void awaitListening(InetSocketAddress address) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(address.getAddress(), address.getPort())) {
                return;
            } catch (java.io.IOException refused) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("device did not come back on " + address);
    }
}
