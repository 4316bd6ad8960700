package dev.ioslab.transfer.tftp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real TFTP server for interop tests, run in the foreground on 127.0.0.1: tftpd-hpa ({@code in.tftpd}) or atftpd.
 * {@link #start} returns once the server answers; tests skip with a clear message when the program is missing or the
 * test does not run as root (both servers switch user).
 */
public final class ExternalTftpServer implements AutoCloseable {

    static final Path TFTPD_HPA = Path.of("/usr/sbin/in.tftpd");
    /** atftpd conflicts with tftpd-hpa in Debian; a copy unpacked elsewhere can be named with {@code ATFTPD}. */
    static final Path ATFTPD = Path.of(System.getenv().getOrDefault("ATFTPD", "/usr/sbin/atftpd"));

    private final Process process;
    private final InetSocketAddress address;

    private ExternalTftpServer(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    /** tftpd-hpa serving {@code root}, uploads allowed ({@code -c}), retransmitting after {@code retransmitMicros}. */
    public static ExternalTftpServer tftpdHpa(Path root, long retransmitMicros) throws IOException {
        assumeRoot(TFTPD_HPA, "tftpd-hpa");
        int port = freeUdpPort();
        return start(List.of(TFTPD_HPA.toString(), "-L", "-a", "127.0.0.1:" + port, "-s", "-c", "-u", "root",
                "-T", Long.toString(retransmitMicros), root.toString()), port);
    }

    /** atftpd serving {@code root} (it supports RFC 7440 windowsize). */
    static ExternalTftpServer atftpd(Path root) throws IOException {
        assumeRoot(ATFTPD, "atftpd");
        int port = freeUdpPort();
        return start(List.of(ATFTPD.toString(), "--daemon", "--no-fork", "--bind-address", "127.0.0.1", "--port",
                Integer.toString(port), "--user", "root", "--group", "root", "--logfile", "/dev/null",
                root.toString()), port);
    }

    public InetSocketAddress address() {
        return address;
    }

    private static void assumeRoot(Path program, String name) {
        assumeTrue(Files.isExecutable(program), name + " is not installed (" + program + "); apt-get install " + name);
        assumeTrue("root".equals(System.getProperty("user.name")), name + " needs root to run in the foreground");
    }

    private static ExternalTftpServer start(List<String> command, int port) throws IOException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ExternalTftpServer server = new ExternalTftpServer(process, new InetSocketAddress("127.0.0.1", port));
        try {
            server.awaitAnswer();
        } catch (IOException | RuntimeException failure) {
            server.close();
            throw failure;
        }
        return server;
    }

    /** Asks for a file that does not exist until an ERROR comes back: then the server listens. */
    private void awaitAnswer() throws IOException {
        byte[] request = "\0\1ioslab-probe-missing\0octet\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            probe.setSoTimeout(100);
            for (int attempt = 0; attempt < 100 && process.isAlive(); attempt++) {
                probe.send(new DatagramPacket(request, request.length, address));
                try {
                    probe.receive(new DatagramPacket(new byte[600], 600));
                    return;
                } catch (SocketTimeoutException | java.net.PortUnreachableException notYet) {
                    // not listening yet: ask again
                }
            }
        }
        throw new IOException("TFTP server " + address + " did not answer (alive: " + process.isAlive() + ")");
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
