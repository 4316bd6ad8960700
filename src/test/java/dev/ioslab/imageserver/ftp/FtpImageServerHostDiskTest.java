package dev.ioslab.imageserver.ftp;

import static dev.ioslab.imageserver.ftp.ImageRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ioslab.testing.SmallTmpfs;
import dev.ioslab.transfer.Credentials;
import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.ftp.FtpClient;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.slf4j.LoggerFactory;

/**
 * The embedded FTP server taking uploads onto a real 2 MiB tmpfs: a full disk is answered {@code 452} (RFC 959:
 * insufficient storage space) with IOS's cause, a read-only one {@code 550}, never MINA's {@code 551}; the temp file
 * is removed, nothing partial is left, one WARN line names file, user, client and cause, and the device's own FTP
 * client hears "no room" ({@link TransferError#REMOTE_FULL}). Skipped unless the test may mount a tmpfs (root; CI
 * runs as root).
 */
@Timeout(60)
class FtpImageServerHostDiskTest {

    private static final UploadUser DEVICE = new UploadUser("device", "s3cret-device");
    private static final int BIG = 4 * 1024 * 1024;

    @TempDir
    Path base;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private SmallTmpfs disk;
    private FtpImageServer server;
    private InetSocketAddress address;

    @BeforeEach
    void setUp() throws Exception {
        disk = SmallTmpfs.mount(base.resolve("images"), 2);
        server = new FtpImageServer(new InetSocketAddress(ImageRequests.LOOPBACK, 0), disk.root(), List.of(DEVICE),
                PassivePortRange.ANY);
        address = server.start();
        log.start();
        ((Logger) LoggerFactory.getLogger(TransferLogFtplet.class)).addAppender(log);
    }

    @AfterEach
    void tearDown() throws Exception {
        ((Logger) LoggerFactory.getLogger(TransferLogFtplet.class)).detachAppender(log);
        if (server != null) {
            server.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    /** Stores {@code size} random bytes as {@code upload/name} by hand and returns the reply after {@code 150}. */
    private RawFtpControl.Reply store(String name, int size) throws IOException {
        try (RawFtpControl control = new RawFtpControl(address)) {
            control.login(DEVICE.name(), DEVICE.password());
            assertThat(control.send("TYPE I").code()).isEqualTo(200);
            InetSocketAddress data = control.passive();
            try (Socket socket = new Socket()) {
                socket.connect(data, 5000);
                RawFtpControl.Reply opening = control.send("STOR upload/" + name);
                if (opening.code() != 150) {
                    return opening;
                }
                byte[] bytes = new byte[size];
                new Random(size).nextBytes(bytes);
                try (OutputStream out = socket.getOutputStream()) {
                    out.write(bytes);
                } catch (IOException closedByTheServer) {
                    // The server stops reading once its disk is full; its reply says why.
                }
            }
            return control.reply();
        }
    }

    private List<String> warnings() {
        synchronized (log) {
            return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    /**
     * The WARN lines once there is at least one (at most 10 s): the server logs a command after its reply is sent,
     * so the client may read the reply first.
     */
    private List<String> awaitedWarnings() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (warnings().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return warnings();
    }

    private List<Path> uploadFolder() throws IOException {
        try (Stream<Path> files = Files.list(disk.root().resolve(FtpImageServer.UPLOAD_FOLDER))) {
            return files.toList();
        }
    }

    @Test
    void fullDiskIs452WithTheCauseAndLeavesNothing() throws Exception {
        RawFtpControl.Reply reply = store("big.bin", BIG);

        assertThat(reply.code()).isEqualTo(452);
        assertThat(reply.text()).contains("Not enough space on device");
        assertThat(uploadFolder()).isEmpty();
        assertThat(awaitedWarnings()).singleElement().asString()
                .contains("upload/big.bin", "device", "127.0.0.1", "Not enough space on device",
                        "No space left on device", "452");

        assertThat(store("small.bin", 100_000).code()).isEqualTo(226);
        assertThat(Files.size(disk.root().resolve("upload/small.bin"))).isEqualTo(100_000);
    }

    @Test
    void readOnlyDiskIs550WithTheCause() throws Exception {
        disk.remountReadOnly();

        RawFtpControl.Reply reply = store("x.bin", 1000);

        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.text()).contains("Read-only file system");
        assertThat(uploadFolder()).isEmpty();
        assertThat(awaitedWarnings()).singleElement().asString().contains("upload/x.bin", "Read-only file system");
    }

    @Test
    void theDevicesFtpClientHearsThatTheServerIsFull() throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try {
            FtpClient client = new FtpClient(group);
            byte[] bytes = new byte[BIG];
            new Random(5).nextBytes(bytes);
            Throwable failure = client.upload(request(address, "upload/big.bin",
                            Optional.of(new Credentials(DEVICE.name(), DEVICE.password())), true),
                    new ArraySource(bytes), TransferListener.NONE).handle((done, thrown) -> thrown)
                    .get(30, TimeUnit.SECONDS);

            assertThat(failure).isInstanceOf(TransferException.class);
            assertThat(((TransferException) failure).error()).isEqualTo(TransferError.REMOTE_FULL);
            assertThat(uploadFolder()).isEmpty();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
