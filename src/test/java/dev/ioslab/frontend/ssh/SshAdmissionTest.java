package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.ioslab.frontend.admission.AdmissionLimits;
import dev.ioslab.frontend.admission.ConnectionAdmission;
import dev.ioslab.frontend.admission.ConnectionEvent;
import dev.ioslab.frontend.admission.ConnectionLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.sshd.server.session.ServerSessionImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSH connections pass the daemon's admission at accept: over a cap the connection is closed before the server's
 * identification, a closed connection frees its place, and a reset is counted instead of MINA's WARN.
 */
class SshAdmissionTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final ConnectionLog log = new ConnectionLog(Clock.systemUTC(), Duration.ofSeconds(10));
    private final ConnectionAdmission admission = new ConnectionAdmission(new AdmissionLimits(100, 10, 10, 1), log);
    private SshBackend backend;
    private SshServerFrontend frontend;
    private InetSocketAddress address;

    @BeforeEach
    void start() throws IOException {
        LogCapture.quietLibraries();
        backend = new SshBackend(2, admission);
        frontend = new SshServerFrontend(new FakeEndpoint("r1"), new InetSocketAddress("127.0.0.1", 0),
                dir.resolve("host_key"), backend, SshSettings.defaults());
        address = frontend.start();
    }

    @AfterEach
    void stop() {
        frontend.close();
        backend.close();
    }

    @Test
    void connectionOverTheCapIsClosedBeforeTheIdentificationAndAClosedOneFreesItsPlace() throws Exception {
        try (Socket first = connect()) {
            assertThat(readLine(first.getInputStream())).startsWith("SSH-2.0-Cisco-1.25");
            try (Socket second = connect()) {
                assertThat(second.getInputStream().read()).as("no byte before the close").isEqualTo(-1);
            }
            assertThat(log.total(ConnectionEvent.REFUSED_NOT_LOGGED_IN_TO_LISTENER)).isEqualTo(1);
        }
        await(() -> admission.notLoggedIn() == 0 && admission.openConnections() == 0);
        try (Socket third = connect()) {
            assertThat(readLine(third.getInputStream())).startsWith("SSH-2.0-Cisco-1.25");
        }
    }

    @Test
    void resetConnectionIsCountedWithoutAWarning() throws Exception {
        try (LogCapture mina = new LogCapture(ServerSessionImpl.class)) {
            Socket socket = connect();
            assertThat(readLine(socket.getInputStream())).startsWith("SSH-2.0-");
            socket.getOutputStream().write("SSH-2.0-flood\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoLinger(true, 0);
            socket.close();
            await(() -> log.total(ConnectionEvent.RESET) == 1);
            await(() -> admission.openConnections() == 0);
            assertThat(mina.messages(Level.WARN)).isEmpty();
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout((int) WAIT.toMillis());
        return socket;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    /** Waits, bounded, for a condition the server's I/O threads bring about. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + WAIT).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
