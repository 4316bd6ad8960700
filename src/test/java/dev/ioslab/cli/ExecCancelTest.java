package dev.ioslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import dev.ioslab.testing.FakeTerminal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exec run whose channel goes away while its command runs (the client hung up): the caller cancels the run's
 * future, and the run ends as a dropped session does, its vty line freed at once rather than when the command ends.
 */
class ExecCancelTest {

    @TempDir
    Path dir;

    @Test
    void cancellingARunningExecFreesItsLine() {
        Queue<Runnable> heldFileWork = new ConcurrentLinkedQueue<>();
        CliTester t = CliTester.privileged(dir, heldFileWork::add);
        SessionInfo client = new SessionInfo("admin", 15, "ssh", new InetSocketAddress("127.0.0.1", 50004), "", 0, 0);

        CompletableFuture<Integer> run = t.shell().exec(client, "write memory", new FakeTerminal());
        assertThat(run).isNotDone();
        assertThat(t.device().activeLines()).hasSize(2);

        run.cancel(false);

        assertThat(t.device().activeLines()).hasSize(1);
    }
}
