package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.TextSink;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Scanners, half-open sockets and connection storms must not disturb a logged-in engineer or the next login. */
@Timeout(120)
class HostileClientsTest {

    private static final Duration WAIT = MinaClients.WAIT;
    /** Short, for the half-open test's own server; the engineer's server keeps a generous one for busy machines. */
    private static final Duration SHORT_AUTH_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final FakeEndpoint endpoint = new FakeEndpoint("r1");
    private SshBackend backend;
    private SshServerFrontend frontend;
    private SshClient client;
    private InetSocketAddress address;
    private ClientSession engineer;
    private ChannelShell shell;
    private TextSink screen;

    @BeforeEach
    void setUp() throws Exception {
        LogCapture.quietLibraries();
        backend = new SshBackend(2);
        frontend = new SshServerFrontend(endpoint, new InetSocketAddress("127.0.0.1", 0), dir.resolve("host_key"),
                backend, new SshSettings(Duration.ofSeconds(60), Duration.ZERO, 3, 3, Duration.ofSeconds(1)));
        address = frontend.start();
        client = MinaClients.passwordClient();
        engineer = MinaClients.login(client, address, "admin", "secret");
        shell = engineer.createShellChannel();
        screen = new TextSink();
        shell.setOut(screen);
        shell.setErr(new TextSink());
        shell.open().verify(WAIT);
        screen.await("r1#", WAIT);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (engineer != null) {
            engineer.close();
        }
        if (client != null) {
            client.stop();
        }
        if (frontend != null) {
            frontend.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void garbageBeforeTheVersionLineIsDroppedAndOthersCarryOn() throws Exception {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        try (Socket scanner = new Socket(address.getAddress(), address.getPort())) {
            scanner.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = scanner.getOutputStream();
            out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(noise);
            out.flush();

            String greeting = readUntilClosed(scanner.getInputStream());
            assertThat(greeting).startsWith("SSH-2.0-Cisco-1.25\r\n");
        }
        assertStillServing();
    }

    @Test
    void halfOpenConnectionIsClosedAfterTheAuthTimeout() throws Exception {
        InetSocketAddress strict;
        try (SshServerFrontend r2 = new SshServerFrontend(new FakeEndpoint("r2"), new InetSocketAddress("127.0.0.1", 0),
                dir.resolve("r2_host_key"), backend,
                new SshSettings(SHORT_AUTH_TIMEOUT, Duration.ZERO, 3, 3, Duration.ofSeconds(1)))) {
            strict = r2.start();
            assertHalfOpenConnectionIsClosed(strict);
        }
        assertStillServing();
    }

    private static void assertHalfOpenConnectionIsClosed(InetSocketAddress server) throws Exception {
        try (Socket silent = new Socket(server.getAddress(), server.getPort())) {
            silent.setSoTimeout((int) (SHORT_AUTH_TIMEOUT.toMillis() + WAIT.toMillis()));
            // Never answers: the server's version line arrives, then the connection must end on its own.
            String seen = readUntilClosed(silent.getInputStream());
            assertThat(seen).startsWith("SSH-2.0-Cisco-1.25\r\n");
        }
    }

    @Test
    void thousandRapidConnectsLeaveSessionsAndLoginsWorking() throws Exception {
        // Connect and drop as fast as possible, leaving every tenth connection open and silent meanwhile. Before the
        // back end raised the accept backlog this took ~15 s: overflowing SYNs were dropped and retried a second later.
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                Socket socket = new Socket(address.getAddress(), address.getPort());
                if (i % 10 == 0) {
                    silent.add(socket);
                } else {
                    socket.close();
                }
            }
            assertStillServing();
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
        assertStillServing();
    }

    /** The logged-in engineer still gets echoes, and a new login still works. */
    private void assertStillServing() throws Exception {
        shell.getInvertedIn().write("show ip route\r".getBytes(StandardCharsets.ISO_8859_1));
        shell.getInvertedIn().flush();
        screen.await("show ip route\r\nr1#", WAIT);

        try (ClientSession again = MinaClients.login(client, address, "guest", "guest")) {
            assertThat(again.isAuthenticated()).isTrue();
        }
    }

    private static String readUntilClosed(InputStream in) throws Exception {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("server kept the connection open; received: " + text, e);
        } catch (SocketException e) {
            // A reset is as good as a close here: the server dropped the connection.
        }
        return text.toString();
    }
}
