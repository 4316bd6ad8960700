package dev.ioslab.frontend.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.frontend.admission.AdmissionLimits;
import dev.ioslab.frontend.admission.ConnectionAdmission;
import dev.ioslab.frontend.admission.ConnectionEvent;
import dev.ioslab.frontend.admission.ConnectionLog;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Telnet connections pass the daemon's admission at accept: over a cap the connection is closed before any byte;
 * logging in frees the connection's not-logged-in place; closing frees the rest.
 */
class TelnetAdmissionTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ConnectionLog log = new ConnectionLog(Clock.systemUTC(), Duration.ofSeconds(10));
    private final ConnectionAdmission admission = new ConnectionAdmission(new AdmissionLimits(100, 10, 10, 1), log);
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private TelnetServer server;
    private InetSocketAddress address;

    @BeforeEach
    void start() throws Exception {
        boss = new NioEventLoopGroup(1);
        workers = new NioEventLoopGroup(1);
        server = new TelnetServer(FakeShellEndpoint.local(), new InetSocketAddress("127.0.0.1", 0), boss, workers,
                TelnetSettings.IOS_DEFAULTS, admission);
        address = server.start().get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        server.close();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    @Test
    void connectionOverTheCapGetsNoByteAndALoginFreesThePlace() throws Exception {
        try (Socket first = connect()) {
            readUntil(first.getInputStream(), "Username: ");
            try (Socket second = connect()) {
                assertThat(second.getInputStream().read()).as("closed before any byte").isEqualTo(-1);
            }
            assertThat(log.total(ConnectionEvent.REFUSED_NOT_LOGGED_IN_TO_LISTENER)).isEqualTo(1);

            OutputStream out = first.getOutputStream();
            out.write("admin\r\n".getBytes(StandardCharsets.US_ASCII));
            readUntil(first.getInputStream(), "Password: ");
            out.write("cisco\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await(() -> admission.notLoggedIn() == 0);
            assertThat(admission.openConnections()).isEqualTo(1);
            try (Socket third = connect()) {
                assertThat(readUntil(third.getInputStream(), "Username: ")).contains("User Access Verification");
            }
        }
        await(() -> admission.openConnections() == 0);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout((int) WAIT.toMillis());
        return socket;
    }

    /** Reads until {@code expected} has arrived (Telnet negotiation bytes included in what is returned). */
    private static String readUntil(InputStream in, String expected) throws IOException {
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains(expected)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before '" + expected + "'; got " + seen);
            }
            seen.append((char) b);
        }
        return seen.toString();
    }

    /** Waits, bounded, for a condition the server's event loops bring about. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + WAIT).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
