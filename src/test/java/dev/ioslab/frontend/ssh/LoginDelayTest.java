package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.ioslab.testing.TextSink;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Repeated failures from one address are answered late, without holding the (single) I/O thread. */
@Timeout(60)
class LoginDelayTest {

    private static final Duration WAIT = MinaClients.WAIT;
    private static final Duration DELAY = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    private final FakeEndpoint endpoint = new FakeEndpoint("r1");
    private LogCapture authLog;
    private SshBackend backend;
    private SshServerFrontend frontend;
    private SshClient client;
    private InetSocketAddress address;

    @BeforeEach
    void setUp() throws Exception {
        authLog = new LogCapture(DeviceAuthenticator.class);
        backend = new SshBackend(1);
        frontend = new SshServerFrontend(endpoint, new InetSocketAddress("127.0.0.1", 0), dir.resolve("host_key"),
                backend, new SshSettings(Duration.ofSeconds(60), Duration.ZERO, 10, 1, DELAY));
        address = frontend.start();
        client = MinaClients.passwordClient();
    }

    @AfterEach
    void tearDown() {
        client.stop();
        frontend.close();
        backend.close();
        authLog.close();
    }

    @Test
    void failuresBeyondTheAllowanceAreAnsweredLateWhileOtherSessionsRun() throws Exception {
        try (ClientSession engineer = MinaClients.login(client, address, "admin", "secret");
             ChannelShell shell = engineer.createShellChannel()) {
            TextSink screen = new TextSink();
            shell.setOut(screen);
            shell.setErr(new TextSink());
            shell.open().verify(WAIT);
            screen.await("r1#", WAIT);

            assertThat(wrongPasswordRefused()).isTrue();
            assertThat(lastFailureLog()).doesNotContain("delayed");

            try (ClientSession guesser = MinaClients.connect(client, address, "admin")) {
                guesser.addPasswordIdentity("guess-2");
                long started = System.nanoTime();
                AuthFuture refused = guesser.auth();

                // The one I/O thread keeps serving the engineer while the rejection waits on the timer.
                shell.getInvertedIn().write("show users\r".getBytes(StandardCharsets.ISO_8859_1));
                shell.getInvertedIn().flush();
                screen.await("show users\r\nr1#", WAIT);
                assertThat(refused.isDone()).isFalse();

                refused.await(WAIT);
                assertThat(refused.isSuccess()).isFalse();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(DELAY);
            }
            assertThat(lastFailureLog()).contains("answer delayed 3000 ms");
        }
    }

    @Test
    void successfulLoginClearsTheAddressFailures() throws Exception {
        assertThat(wrongPasswordRefused()).isTrue();
        MinaClients.login(client, address, "admin", "secret").close();

        assertThat(wrongPasswordRefused()).isTrue();

        assertThat(lastFailureLog()).contains("failure 1 of 10").doesNotContain("delayed");
    }

    private boolean wrongPasswordRefused() throws Exception {
        try (ClientSession session = MinaClients.connect(client, address, "admin")) {
            session.addPasswordIdentity("wrong");
            AuthFuture auth = session.auth();
            auth.await(WAIT.plus(DELAY));
            return auth.isDone() && !auth.isSuccess();
        }
    }

    private String lastFailureLog() {
        List<String> failures = authLog.messages(Level.INFO).stream().filter(m -> m.contains("login failed")).toList();
        assertThat(failures).isNotEmpty();
        return failures.get(failures.size() - 1);
    }
}
