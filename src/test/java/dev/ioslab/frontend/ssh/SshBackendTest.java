package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class SshBackendTest {

    private static final int SERVERS = 50;

    @TempDir
    Path dir;

    @Test
    void startingFiftyServersAddsNoThreadPerServer() throws Exception {
        LogCapture.quietLibraries();
        SshClient client = MinaClients.passwordClient();
        List<SshServerFrontend> frontends = new ArrayList<>();
        try (SshBackend backend = new SshBackend(2)) {
            // Warm up: the first server and one login start the shared I/O threads, the timer and the client's pool.
            InetSocketAddress first = startServer(backend, frontends, 0);
            MinaClients.login(client, first, "admin", "secret").close();
            int before = liveThreads();

            List<InetSocketAddress> addresses = new ArrayList<>();
            for (int i = 1; i <= SERVERS; i++) {
                addresses.add(startServer(backend, frontends, i));
            }
            int after = liveThreads();

            // MINA's defaults would add a timer, a channel-group poller and worker threads for every server.
            assertThat(after - before).isLessThan(5);
            try (ClientSession session = MinaClients.login(client, addresses.get(SERVERS - 1), "admin", "secret")) {
                assertThat(session.isAuthenticated()).isTrue();
            }
            assertThat(liveThreads() - before).isLessThan(5);
        } finally {
            frontends.forEach(SshServerFrontend::close);
            client.stop();
        }
    }

    private InetSocketAddress startServer(SshBackend backend, List<SshServerFrontend> frontends, int index)
            throws Exception {
        // One generated key copied for every device keeps the test about servers, not key generation.
        Path template = dir.resolve("template.key");
        HostKeyFile.loadOrCreate(template, "template");
        Path keyFile = dir.resolve("r" + index + ".key");
        Files.copy(template, keyFile);
        SshServerFrontend frontend = new SshServerFrontend(new FakeEndpoint("r" + index),
                new InetSocketAddress("127.0.0.1", 0), keyFile, backend,
                SshSettings.defaults());
        frontends.add(frontend);
        return frontend.start();
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
