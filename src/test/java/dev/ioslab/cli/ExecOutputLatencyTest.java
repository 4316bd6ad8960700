package dev.ioslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.commands.CommandSets;
import dev.ioslab.device.Device;
import dev.ioslab.device.Platform;
import dev.ioslab.testing.CliTester;
import dev.ioslab.testing.FakeTerminal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code session output-latency} fault on an exec run: the exit status is reported only once the delayed output
 * has reached the transport, since the SSH exec channel closes when it hears the status.
 */
class ExecOutputLatencyTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private DeviceShell shellWithOutputDelay(Duration delay) throws Exception {
        Device device = new Device("R1", Platform.c3900("FGL161010K8"), dir, CliTester.clockAt(CliTester.EPOCH));
        return new DeviceShell(device, CommandSets.standard(Runnable::run), timer, new SessionFaults() {
            @Override
            public boolean refuseLogin(String name, String user) {
                return false;
            }

            @Override
            public Duration outputDelay(String name) {
                return delay;
            }
        });
    }

    @Test
    void execStatusComesAfterTheDelayedOutput() throws Exception {
        DeviceShell shell = shellWithOutputDelay(Duration.ofMillis(300));
        FakeTerminal out = new FakeTerminal();

        int status = shell.exec(new SessionInfo("admin", 15, "ssh", new InetSocketAddress("127.0.0.1", 40000),
                "", 0, 0), "show privilege", out).get(10, TimeUnit.SECONDS);

        assertThat(status).isZero();
        assertThat(out.output()).isEqualTo("Current privilege level is 15\r\n");
    }
}
