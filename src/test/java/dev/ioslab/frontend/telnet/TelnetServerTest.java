package dev.ioslab.frontend.telnet;

import static dev.ioslab.frontend.telnet.TelnetDecoderTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.cli.LoginMode;
import dev.ioslab.cli.Terminal;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TelnetServerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static EventLoopGroup boss;
    private static EventLoopGroup workers;

    private final List<TelnetServer> servers = new ArrayList<>();
    private final List<TelnetTestClient> clients = new ArrayList<>();

    @BeforeAll
    static void startEventLoops() {
        boss = new NioEventLoopGroup(1);
        workers = new NioEventLoopGroup(2);
    }

    @AfterAll
    static void stopEventLoops() {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @AfterEach
    void closeEverything() throws IOException {
        for (TelnetTestClient client : clients) {
            client.close();
        }
        servers.forEach(TelnetServer::close);
    }

    @Test
    void acceptedConnectionsHaveNagleTurnedOff() throws Exception {
        FakeShellEndpoint endpoint = FakeShellEndpoint.local();
        InetSocketAddress address = start(endpoint, TelnetSettings.IOS_DEFAULTS);
        connect(address, TelnetTestClient.Policy.TELNETLIB);
        TelnetServer server = servers.get(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.openConnections().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(server.openConnections()).isNotEmpty().allSatisfy(channel ->
                assertThat(channel.config().getOption(io.netty.channel.ChannelOption.TCP_NODELAY)).isTrue());
    }

    @Test
    void startsOnAnEphemeralLoopbackPort() throws Exception {
        InetSocketAddress bound = start(FakeShellEndpoint.local(), TelnetSettings.IOS_DEFAULTS);

        assertThat(bound.getAddress().isLoopbackAddress()).isTrue();
        assertThat(bound.getPort()).isPositive();
    }

    @Test
    void aClientThatRefusesEveryOptionLikeTelnetlibLogsInWithoutANegotiationLoop() throws Exception {
        FakeShellEndpoint endpoint = FakeShellEndpoint.local();
        TelnetTestClient client = connect(start(endpoint, TelnetSettings.IOS_DEFAULTS),
                TelnetTestClient.Policy.TELNETLIB);

        assertThat(client.readUntil("Username: ")).isEqualTo("\r\n\r\nUser Access Verification\r\n\r\nUsername: ");
        client.type("admin\r\n");
        client.readUntil("Password: ");
        client.type("cisco\r\n");
        client.readUntil("R1>");
        client.type("exit\r");
        client.readUntilClosed(WAIT);

        // Four 3-byte offers, four 3-byte refusals, and nothing more either way.
        assertThat(client.negotiationBytesReceived()).isEqualTo(12);
        assertThat(client.negotiationBytesSent()).isEqualTo(12);
        assertThat(endpoint.onlySession().receivedText()).isEqualTo("exit\r");
    }

    @Test
    void aClientThatAnswersLikeScrapliLogsInWithoutANegotiationLoop() throws Exception {
        FakeShellEndpoint endpoint = FakeShellEndpoint.local();
        TelnetTestClient client = connect(start(endpoint, TelnetSettings.IOS_DEFAULTS),
                TelnetTestClient.Policy.SCRAPLI);

        client.readUntil("Username: ");
        client.type("admin\n");
        client.readUntil("Password: ");
        client.type("cisco\n");
        client.readUntil("R1>");
        client.type("exit\r");
        client.readUntilClosed(WAIT);

        assertThat(client.negotiationBytesReceived()).isEqualTo(12);
        assertThat(client.negotiationBytesSent()).isEqualTo(12);
    }

    @Test
    void aTerminalClientReportsItsWindowAndTerminalType() throws Exception {
        FakeShellEndpoint endpoint = FakeShellEndpoint.local();
        TelnetTestClient client = connect(start(endpoint, TelnetSettings.IOS_DEFAULTS),
                TelnetTestClient.Policy.TERMINAL);

        client.readUntil("Username: ");
        client.type("admin\r\0");
        client.readUntil("Password: ");
        client.type("cisco\r\0");
        client.readUntil("R1>");

        FakeShellSession shell = endpoint.onlySession();
        assertThat(shell.info().terminalType()).isEqualTo("XTERM");
        assertThat(shell.info().columns()).isEqualTo(80);
        assertThat(shell.info().rows()).isEqualTo(24);
        assertThat(shell.info().transport()).isEqualTo("telnet");
        assertThat(shell.info().remote()).isEqualTo(client.localAddress());
    }

    @Test
    void netmikoFourStyleCarriageReturnsLogIn() throws Exception {
        FakeShellEndpoint endpoint = FakeShellEndpoint.local();
        TelnetTestClient client = connect(start(endpoint, TelnetSettings.IOS_DEFAULTS),
                TelnetTestClient.Policy.TELNETLIB);

        client.readUntil("Username: ");
        client.type("admin\r");
        assertThat(client.readUntil("Password: ")).isEqualTo("admin\r\nPassword: ");
        client.type("cisco\r");
        assertThat(client.readUntil("R1>")).isEqualTo("\r\n" + FakeShellSession.PROMPT);
    }

    @Test
    void threeWrongPasswordsOverTheNetworkEndInLoginInvalidAndAClosedConnection() throws Exception {
        TelnetTestClient client = connect(start(FakeShellEndpoint.local(), TelnetSettings.IOS_DEFAULTS),
                TelnetTestClient.Policy.TELNETLIB);
        client.readUntil("Username: ");

        for (int attempt = 1; attempt < 3; attempt++) {
            client.type("admin\r\n");
            client.readUntil("Password: ");
            client.type("bad\r\n");
            assertThat(client.readUntil("Username: ")).isEqualTo("\r\n% Login invalid\r\n\r\nUsername: ");
        }
        client.type("admin\r\n");
        client.readUntil("Password: ");
        client.type("bad\r\n");

        assertThat(client.readUntilClosed(WAIT)).isEqualTo("\r\n% Login invalid\r\n");
    }

    @Test
    void loginWithoutALinePasswordIsRefusedOverTheNetwork() throws Exception {
        TelnetTestClient client = connect(start(FakeShellEndpoint.withMode(LoginMode.LINE_PASSWORD_NOT_SET),
                TelnetSettings.IOS_DEFAULTS), TelnetTestClient.Policy.TELNETLIB);

        assertThat(client.readUntilClosed(WAIT)).isEqualTo("\r\nPassword required, but none set\r\n");
    }

    @Test
    void anIdleConnectionIsDroppedAfterTheLoginTimeout() throws Exception {
        TelnetTestClient client = connect(start(FakeShellEndpoint.local(),
                new TelnetSettings(Duration.ofMillis(300), 3)), TelnetTestClient.Policy.TELNETLIB);

        assertThat(client.readUntilClosed(WAIT)).endsWith("Username: \r\n% Username:  timeout expired!\r\n");
    }

    @Test
    void typeAheadSentWithThePasswordReachesTheShell() throws Exception {
        FakeShellEndpoint endpoint = FakeShellEndpoint.local();
        TelnetTestClient client = connect(start(endpoint, TelnetSettings.IOS_DEFAULTS),
                TelnetTestClient.Policy.TELNETLIB);
        client.readUntil("Username: ");

        client.type("admin\r\ncisco\r\nterminal length 0\r\nexit\r");
        client.readUntilClosed(WAIT);

        assertThat(endpoint.onlySession().receivedText()).isEqualTo("terminal length 0\r\nexit\r");
    }

    @Test
    void malformedTelnetSequencesBeforeLoginDoNotHurtTheConnection() throws Exception {
        FakeShellEndpoint endpoint = FakeShellEndpoint.local();
        TelnetTestClient client = connect(start(endpoint, TelnetSettings.IOS_DEFAULTS),
                TelnetTestClient.Policy.TELNETLIB);
        client.readUntil("Username: ");
        byte[] oversized = new byte[100_000];
        Arrays.fill(oversized, (byte) 'x');

        client.send(bytes(255, 17, 255, 0, 255, 240, 255, 241, 255, 250, 31, 1, 2, 255, 253, 200));
        client.send(bytes(255, 250, 24, 0));
        client.send(oversized);
        client.send(bytes(255, 240));
        client.type("admin\rcisco\r");

        client.readUntil("R1>");
        assertThat(endpoint.onlySession().info().user()).isEqualTo("admin");
    }

    @Test
    void randomGarbageOnOneConnectionLeavesTheServerServingOthers() throws Exception {
        FakeShellEndpoint endpoint = FakeShellEndpoint.local();
        InetSocketAddress address = start(endpoint, new TelnetSettings(Duration.ofSeconds(5), 3));
        Random random = new Random(854);
        byte[] garbage = new byte[64 * 1024];
        random.nextBytes(garbage);

        TelnetTestClient noisy = connect(address, TelnetTestClient.Policy.TELNETLIB);
        try {
            noisy.send(garbage);
        } catch (IOException closedByServer) {
            // The garbage contains line ends, so the server may give up on the third failed login mid-send.
        }
        noisy.readUntilClosed(WAIT);

        assertThat(endpoint.sessions()).isEmpty();
        assertLogsIn(address, endpoint);
    }

    @Test
    void halfOpenConnectionsDoNotDisturbOtherSessionsAndAreDroppedOnTimeout() throws Exception {
        FakeShellEndpoint endpoint = FakeShellEndpoint.local();
        InetSocketAddress address = start(endpoint, new TelnetSettings(Duration.ofSeconds(3), 3));
        List<Socket> silent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Socket socket = new Socket();
            socket.connect(address, 5_000);
            silent.add(socket);
        }
        try {
            assertLogsIn(address, endpoint);

            for (Socket socket : silent) {
                socket.setSoTimeout((int) WAIT.toMillis());
                byte[] all = socket.getInputStream().readAllBytes();
                assertThat(new String(all, StandardCharsets.ISO_8859_1))
                        .endsWith("% Username:  timeout expired!\r\n");
            }
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
    }

    @Test
    void survivesAThousandRapidConnectsAndDisconnects() throws Exception {
        FakeShellEndpoint endpoint = FakeShellEndpoint.local();
        InetSocketAddress address = start(endpoint, TelnetSettings.IOS_DEFAULTS);

        for (int i = 0; i < 1_000; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(address, 5_000);
                if (i % 3 == 0) {
                    socket.getOutputStream().write(bytes('a', 'd', 255, 250, 31, 0));
                }
                if (i % 2 == 0) {
                    // Reset instead of FIN, as a client that crashes does.
                    socket.setSoLinger(true, 0);
                }
            }
        }

        assertLogsIn(address, endpoint);
    }

    @Test
    void closingTheServerClosesItsSessionsAndDisconnectsTheirShells() throws Exception {
        FakeShellEndpoint endpoint = FakeShellEndpoint.local();
        InetSocketAddress address = start(endpoint, TelnetSettings.IOS_DEFAULTS);
        TelnetTestClient client = connect(address, TelnetTestClient.Policy.TELNETLIB);
        client.readUntil("Username: ");
        client.type("admin\rcisco\r");
        client.readUntil("R1>");

        servers.get(0).close();

        client.readUntilClosed(WAIT);
        assertThat(endpoint.onlySession().awaitDisconnects(WAIT)).isEqualTo(1);
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                // From another loopback address: a client port equal to the closed listener's port on the same
                // address would connect to itself (TCP simultaneous open) and look like a listener still there.
                socket.bind(new InetSocketAddress("127.0.0.2", 0));
                socket.connect(address, 2_000);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void failsToStartWithAMessageNamingTheAddressWhenThePortIsTaken() throws Exception {
        InetSocketAddress taken = start(FakeShellEndpoint.local(), TelnetSettings.IOS_DEFAULTS);
        TelnetServer second = new TelnetServer(FakeShellEndpoint.local(), taken, boss, workers,
                TelnetSettings.IOS_DEFAULTS);
        servers.add(second);

        assertThatThrownBy(() -> second.start().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(BindException.class)
                .hasMessageContaining("R1")
                .hasMessageContaining("127.0.0.1:" + taken.getPort());
    }

    @Test
    void theShellWritesFromAnyThreadWithIacEscapedAndClosesAfterItsOutput() throws Exception {
        FakeShellEndpoint endpoint = FakeShellEndpoint.local();
        TelnetTestClient client = connect(start(endpoint, TelnetSettings.IOS_DEFAULTS),
                TelnetTestClient.Policy.TELNETLIB);
        client.readUntil("Username: ");
        client.type("admin\rcisco\r");
        client.readUntil("R1>");
        Terminal terminal = endpoint.onlySession().terminal();

        Thread writer = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                terminal.write("line " + i + " \u00ff\r\n");
            }
            terminal.close();
            terminal.close();
        });
        writer.start();
        writer.join(WAIT.toMillis());

        String received = client.readUntilClosed(WAIT);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            expected.append("line ").append(i).append(" \u00ff\r\n");
        }
        assertThat(received).isEqualTo(expected.toString());
        assertThat(client.negotiationBytesReceived()).isEqualTo(12);
        assertThat(endpoint.onlySession().awaitDisconnects(WAIT)).isEqualTo(1);
    }

    @Test
    void refusesToStartTwiceAndClosesIdempotently() throws Exception {
        TelnetServer server = new TelnetServer(FakeShellEndpoint.local(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), boss, workers,
                TelnetSettings.IOS_DEFAULTS);
        servers.add(server);
        server.start().get(10, TimeUnit.SECONDS);

        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        server.close();
        server.close();
    }

    @Test
    void devicesSharingTheEventLoopsAreIndependent() throws Exception {
        FakeShellEndpoint first = FakeShellEndpoint.local();
        FakeShellEndpoint second = FakeShellEndpoint.withMode(LoginMode.NONE);
        InetSocketAddress firstAddress = start(first, TelnetSettings.IOS_DEFAULTS);
        InetSocketAddress secondAddress = start(second, TelnetSettings.IOS_DEFAULTS);

        TelnetTestClient toSecond = connect(secondAddress, TelnetTestClient.Policy.SCRAPLI);
        toSecond.readUntil("R1>");
        assertLogsIn(firstAddress, first);

        assertThat(second.onlySession().info().privilege()).isEqualTo(1);
    }

    private void assertLogsIn(InetSocketAddress address, FakeShellEndpoint endpoint) throws IOException {
        int before = endpoint.sessions().size();
        TelnetTestClient client = connect(address, TelnetTestClient.Policy.TELNETLIB);
        client.readUntil("Username: ");
        client.type("admin\r\n");
        client.readUntil("Password: ");
        client.type("cisco\r\n");
        client.readUntil("R1>");
        assertThat(endpoint.sessions()).hasSize(before + 1);
    }

    private InetSocketAddress start(FakeShellEndpoint endpoint, TelnetSettings settings) throws Exception {
        TelnetServer server = new TelnetServer(endpoint, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                boss, workers, settings);
        servers.add(server);
        return server.start().get(10, TimeUnit.SECONDS);
    }

    private TelnetTestClient connect(InetSocketAddress address, TelnetTestClient.Policy policy) throws IOException {
        TelnetTestClient client = new TelnetTestClient(address, policy);
        clients.add(client);
        return client;
    }
}
