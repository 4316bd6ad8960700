package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.ioslab.cli.SessionInfo;
import dev.ioslab.testing.TextSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SshServerFrontendTest {

    private static final Duration WAIT = MinaClients.WAIT;
    private static final SshSettings SETTINGS =
            new SshSettings(Duration.ofSeconds(30), Duration.ZERO, 3, 100, Duration.ZERO);

    @TempDir
    Path dir;

    private final FakeEndpoint endpoint = new FakeEndpoint("r1");
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private SshBackend backend;
    private SshClient client;
    private LogCapture authLog;

    @BeforeEach
    void setUp() {
        authLog = new LogCapture(DeviceAuthenticator.class);
        backend = new SshBackend(2);
        client = MinaClients.passwordClient();
    }

    @AfterEach
    void tearDown() throws Exception {
        client.stop();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        backend.close();
        authLog.close();
    }

    private InetSocketAddress start(SshSettings settings, List<ExecCommandHandler> handlers) throws Exception {
        SshServerFrontend frontend = new SshServerFrontend(endpoint, new InetSocketAddress("127.0.0.1", 0),
                dir.resolve("ssh/host_key"), backend, settings, handlers);
        toClose.add(frontend);
        return frontend.start();
    }

    private InetSocketAddress start() throws Exception {
        return start(SETTINGS, List.of());
    }

    @Test
    void acceptedConnectionsHaveNagleTurnedOff() throws Exception {
        SshServerFrontend frontend = new SshServerFrontend(endpoint, new InetSocketAddress("127.0.0.1", 0),
                dir.resolve("ssh/host_key"), backend, SETTINGS, List.of());
        toClose.add(frontend);
        InetSocketAddress address = frontend.start();
        try (ClientSession session = MinaClients.login(client, address, "admin", "secret")) {
            assertThat(session.isAuthenticated()).isTrue();
            assertThat(frontend.activeSessions()).isNotEmpty().allSatisfy(s -> {
                java.nio.channels.AsynchronousSocketChannel socket =
                        ((org.apache.sshd.common.io.nio2.Nio2Session) s.getIoSession()).getSocket();
                try {
                    assertThat(socket.getOption(java.net.StandardSocketOptions.TCP_NODELAY)).isTrue();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void passwordLoginOpensShellWithRequestedPtyAndEchoesInput() throws Exception {
        InetSocketAddress address = start();
        try (ClientSession session = MinaClients.login(client, address, "admin", "secret");
             ChannelShell shell = session.createShellChannel()) {
            shell.setPtyType("vt100");
            shell.setPtyColumns(511);
            shell.setPtyLines(1000);
            TextSink out = new TextSink();
            shell.setOut(out);
            shell.setErr(new TextSink());
            shell.open().verify(WAIT);

            FakeShellSession cli = endpoint.nextShell();
            assertThat(cli.info).isEqualTo(new SessionInfo("admin", 15, "ssh",
                    cli.info.remote(), "vt100", 511, 1000));
            assertThat(cli.info.remote().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            out.await("r1#", WAIT);

            OutputStream in = shell.getInvertedIn();
            in.write("show clock\n".getBytes(StandardCharsets.ISO_8859_1));
            in.flush();
            assertThat(out.await("show clock\r\nr1#", WAIT)).isEqualTo("r1#show clock\r\nr1#");
        }
    }

    @Test
    void windowChangeReachesTheCliSession() throws Exception {
        InetSocketAddress address = start();
        try (ClientSession session = MinaClients.login(client, address, "admin", "secret");
             ChannelShell shell = session.createShellChannel()) {
            shell.setOut(new TextSink());
            shell.setErr(new TextSink());
            shell.open().verify(WAIT);
            FakeShellSession cli = endpoint.nextShell();

            shell.sendWindowChange(132, 43);

            assertThat(cli.resizes.poll(10, TimeUnit.SECONDS)).isEqualTo("132x43");
        }
    }

    @Test
    void exitInTheCliClosesTheChannelWithStatusZeroAfterFlushingOutput() throws Exception {
        InetSocketAddress address = start();
        try (ClientSession session = MinaClients.login(client, address, "admin", "secret");
             ChannelShell shell = session.createShellChannel()) {
            TextSink out = new TextSink();
            shell.setOut(out);
            shell.setErr(new TextSink());
            shell.open().verify(WAIT);
            FakeShellSession cli = endpoint.nextShell();
            out.await("r1#", WAIT);

            shell.getInvertedIn().write("exit\r".getBytes(StandardCharsets.ISO_8859_1));
            shell.getInvertedIn().flush();

            assertThat(shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT)).contains(ClientChannelEvent.CLOSED);
            assertThat(out.text()).endsWith("exit\r\n");
            assertThat(shell.getExitStatus()).isZero();
            assertThat(cli.awaitDisconnected()).isTrue();
            assertThat(cli.overlapSeen).isFalse();
        }
    }

    @Test
    void clientClosingTheChannelDisconnectsTheCliSession() throws Exception {
        InetSocketAddress address = start();
        try (ClientSession session = MinaClients.login(client, address, "admin", "secret")) {
            ChannelShell shell = session.createShellChannel();
            shell.setOut(new TextSink());
            shell.setErr(new TextSink());
            shell.open().verify(WAIT);
            FakeShellSession cli = endpoint.nextShell();

            shell.close(false).await(WAIT);

            assertThat(cli.awaitDisconnected()).isTrue();
        }
    }

    @Test
    void clientClosingAnExecChannelMidCommandCancelsTheRun() throws Exception {
        InetSocketAddress address = start();
        try (ClientSession session = MinaClients.login(client, address, "admin", "secret")) {
            ChannelExec exec = session.createExecChannel("hang");
            exec.setOut(new TextSink());
            exec.setErr(new TextSink());
            exec.open().verify(WAIT);
            CompletableFuture<Integer> run = endpoint.hanging.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(run).isNotNull();

            exec.close(false).await(WAIT);

            // The device ends the run (aborts the command, frees the vty line) instead of letting it go on.
            assertThatThrownBy(() -> run.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void keyboardInteractiveAsksOnePasswordPromptWithoutEcho() throws Exception {
        InetSocketAddress address = start();
        AtomicReference<String> prompt = new AtomicReference<>();
        AtomicReference<Boolean> echo = new AtomicReference<>();
        client.setUserAuthFactories(List.of(UserAuthKeyboardInteractiveFactory.INSTANCE));
        client.setUserInteraction(new UserInteraction() {
            @Override
            public String[] interactive(ClientSession session, String name, String instruction, String lang,
                                        String[] prompts, boolean[] echoes) {
                prompt.set(String.join("|", prompts));
                echo.set(echoes[0]);
                return new String[] {"guest"};
            }

            @Override
            public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
                return null;
            }
        });
        try (ClientSession session = MinaClients.connect(client, address, "guest")) {
            session.auth().verify(WAIT);
            try (ChannelShell shell = session.createShellChannel()) {
                shell.setOut(new TextSink());
                shell.setErr(new TextSink());
                shell.open().verify(WAIT);
                assertThat(endpoint.nextShell().info.privilege()).isEqualTo(1);
            }
        }
        assertThat(prompt.get()).isEqualTo("Password: ");
        assertThat(echo.get()).isFalse();
    }

    @Test
    void wrongPasswordIsRefusedAndLoggedWithUserAndSourceButNotThePassword() throws Exception {
        InetSocketAddress address = start();

        assertThatThrownBy(() -> MinaClients.login(client, address, "admin", "hunter2"))
                .isInstanceOf(Exception.class);

        List<String> info = authLog.messages(Level.INFO);
        assertThat(info).anySatisfy(m -> assertThat(m).contains("login failed").contains("r1")
                .contains("admin").contains("127.0.0.1"));
        assertThat(String.join("\n", authLog.messages(Level.INFO))).doesNotContain("hunter2");
        assertThat(String.join("\n", authLog.messages(Level.DEBUG))).doesNotContain("hunter2");
    }

    @Test
    void connectionIsDroppedAfterMaxAuthTriesFailures() throws Exception {
        InetSocketAddress address = start();
        try (ClientSession session = MinaClients.connect(client, address, "admin")) {
            for (int i = 0; i < 5; i++) {
                session.addPasswordIdentity("wrong" + i);
            }
            assertThatThrownBy(() -> session.auth().verify(WAIT)).isInstanceOf(Exception.class);
            session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), WAIT);
            assertThat(session.isOpen()).isFalse();
        }
        List<String> info = authLog.messages(Level.INFO);
        assertThat(info.stream().filter(m -> m.contains("login failed"))).hasSize(3);
        assertThat(info).anySatisfy(m -> assertThat(m).contains("dropped after 3 failed logins"));
    }

    @Test
    void execChannelReturnsCommandOutputAndExitStatus() throws Exception {
        InetSocketAddress address = start();
        try (ClientSession session = MinaClients.login(client, address, "admin", "secret")) {
            assertThat(exec(session, "show version")).isEqualTo(new ExecResult("r1 ran show version for admin\r\n", 0));
            assertThat(exec(session, "bad command")).isEqualTo(new ExecResult("r1 ran bad command for admin\r\n", 1));
        }
        assertThat(endpoint.execs).allSatisfy(info -> {
            assertThat(info.privilege()).isEqualTo(15);
            assertThat(info.transport()).isEqualTo("ssh");
        });
    }

    @Test
    void execHandlerClaimsItsCommandsAndLeavesOthersToTheCli() throws Exception {
        List<String> claimedBy = new ArrayList<>();
        ExecCommandHandler scp = (login, line) -> {
            if (!line.startsWith("scp ")) {
                return Optional.empty();
            }
            claimedBy.add(login.user() + "/" + login.privilege());
            return Optional.of(new FixedExitCommand(7));
        };
        InetSocketAddress address = start(SETTINGS, List.of(scp));
        try (ClientSession session = MinaClients.login(client, address, "admin", "secret")) {
            assertThat(exec(session, "scp -t flash0:/x.bin")).isEqualTo(new ExecResult("", 7));
            assertThat(exec(session, "show clock")).isEqualTo(new ExecResult("r1 ran show clock for admin\r\n", 0));
        }
        assertThat(claimedBy).containsExactly("admin/15");
    }

    @Test
    void idleTimeoutClosesASilentSession() throws Exception {
        InetSocketAddress address = start(new SshSettings(Duration.ofSeconds(30), Duration.ofSeconds(1), 3, 100,
                Duration.ZERO), List.of());
        try (ClientSession session = MinaClients.login(client, address, "admin", "secret")) {
            ChannelShell shell = session.createShellChannel();
            shell.setOut(new TextSink());
            shell.setErr(new TextSink());
            shell.open().verify(WAIT);
            FakeShellSession cli = endpoint.nextShell();

            assertThat(cli.awaitDisconnected()).isTrue();
            assertThat(session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), WAIT))
                    .contains(ClientSession.ClientSessionEvent.CLOSED);
        }
    }

    @Test
    void bindFailureNamesDeviceAndAddress() throws Exception {
        InetSocketAddress taken = start();
        SshServerFrontend second = new SshServerFrontend(endpoint, taken, dir.resolve("ssh/host_key"), backend,
                SETTINGS);
        toClose.add(second);

        assertThatThrownBy(second::start).isInstanceOf(IOException.class)
                .hasMessageContaining("r1").hasMessageContaining("127.0.0.1:" + taken.getPort());
    }

    @Test
    void portForwardingIsRefused() throws Exception {
        InetSocketAddress address = start();
        try (ClientSession session = MinaClients.login(client, address, "admin", "secret");
             ChannelDirectTcpip tunnel = session.createDirectTcpipChannel(new SshdSocketAddress("127.0.0.1", 1),
                     new SshdSocketAddress("127.0.0.1", address.getPort()))) {
            assertThatThrownBy(() -> tunnel.open().verify(WAIT)).isInstanceOf(Exception.class);
            assertThat(exec(session, "show clock").status()).isZero();
        }
    }

    @Test
    void serverAnnouncesItselfAsCiscoSsh() throws Exception {
        InetSocketAddress address = start();
        try (ClientSession session = MinaClients.login(client, address, "admin", "secret")) {
            assertThat(session.getServerVersion()).isEqualTo("SSH-2.0-Cisco-1.25");
        }
    }

    private record ExecResult(String output, Integer status) {
    }

    private static ExecResult exec(ClientSession session, String command) throws Exception {
        try (ChannelExec channel = session.createExecChannel(command)) {
            TextSink out = new TextSink();
            channel.setOut(out);
            channel.setErr(new TextSink());
            channel.open().verify(WAIT);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
            return new ExecResult(out.text(), channel.getExitStatus());
        }
    }

    /** Stands in for a claimed command (e.g. SCP): exits at once with a fixed status. */
    private static final class FixedExitCommand implements Command {
        private final int status;
        private ExitCallback exit;

        FixedExitCommand(int status) {
            this.status = status;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void setInputStream(InputStream in) {
            // The claimed command needs no input in this test.
        }

        @Override
        public void setOutputStream(OutputStream out) {
            // The claimed command writes nothing in this test.
        }

        @Override
        public void setErrorStream(OutputStream err) {
            // The claimed command writes nothing in this test.
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            exit.onExit(status);
        }

        @Override
        public void destroy(ChannelSession channel) {
            // Nothing held.
        }
    }
}
