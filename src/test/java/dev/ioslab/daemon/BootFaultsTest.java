package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.device.Device;
import dev.ioslab.testing.SshShell;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boot faults injected through the fault routes: the next boot finds no image that verifies (ROM monitor, logins
 * refused) and the next reload takes the planned time; after a reset the device reloads and boots as usual.
 */
@Timeout(120)
class BootFaultsTest {

    @TempDir
    Path dir;

    @Test
    void aFailedVerificationLeavesTheDeviceInRomMonitorUntilAReloadAfterReset() throws Exception {
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1)) {
            FaultApi faults = new FaultApi(rack);
            Device device = rack.daemon.devices().get(0).device();
            InetSocketAddress ssh = new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh"));
            faults.add("r1", "{\"kind\":\"boot\",\"type\":\"fail-verification\"}");

            reloadOverSsh(ssh);
            awaitTrue(() -> device.rommonReason().isPresent());
            awaitListening(ssh);
            assertThatThrownBy(() -> SshShell.open(ssh, "admin", "admin").close()).isInstanceOf(Exception.class);
            assertThat(faults.list("r1").get(0)).containsEntry("fired", 1L);

            assertThat(faults.reset()).isEqualTo(1);
            device.reload("power-on");
            awaitTrue(() -> device.rommonReason().isEmpty());
            awaitListening(ssh);
            try (SshShell again = SshShell.open(ssh, "admin", "admin")) {
                again.type("terminal length 0\rshow version\r");
                assertThat(again.await("Configuration register")).contains("System image file is \"flash0:");
            }
        }
    }

    @Test
    void aPlannedBootTimeKeepsTheDeviceDownOnlyForTheReloadItFiredOn() throws Exception {
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 2)) {
            FaultApi faults = new FaultApi(rack);
            InetSocketAddress r1 = new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh"));
            InetSocketAddress r2 = new InetSocketAddress("127.0.0.1", rack.port("r2", "ssh"));
            faults.add("r1", "{\"kind\":\"boot\",\"type\":\"boot-time\",\"seconds\":3600}");
            faults.add("r2", "{\"kind\":\"boot\",\"type\":\"boot-time\",\"seconds\":3600}");

            reloadOverSsh(r1);
            assertThat(faults.list("r1").get(0)).containsEntry("fired", 1L);
            // The rack boots in 200 ms; an hour's boot is still under way long after that.
            Thread.sleep(2_000);
            assertThat(listening(r1)).isFalse();

            assertThat(faults.reset()).isEqualTo(2);
            reloadOverSsh(r2);
            awaitListening(r2);
            try (SshShell again = SshShell.open(r2, "admin", "admin")) {
                assertThat(again.await("r2#")).isNotEmpty();
            }
        }
    }

    private static void reloadOverSsh(InetSocketAddress ssh) throws Exception {
        try (SshShell shell = SshShell.open(ssh, "admin", "admin")) {
            shell.await("#");
            assertThat(shell.saveAndReload()).isTrue();
        }
    }

    private static boolean listening(InetSocketAddress address) {
        try (Socket s = new Socket(address.getAddress(), address.getPort())) {
            return true;
        } catch (java.io.IOException refused) {
            return false;
        }
    }

    /** Polls (bounded) until the device listens again after its boot. */
    private static void awaitListening(InetSocketAddress address) throws InterruptedException {
        awaitTrue(() -> listening(address));
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met within 20 s");
    }
}
