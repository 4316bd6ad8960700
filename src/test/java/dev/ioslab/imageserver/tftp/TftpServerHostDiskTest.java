package dev.ioslab.imageserver.tftp;

import static dev.ioslab.transfer.tftp.TftpTestRequests.content;
import static dev.ioslab.transfer.tftp.TftpTestRequests.quick;
import static dev.ioslab.transfer.tftp.TftpTestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ioslab.testing.SmallTmpfs;
import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferSource;
import dev.ioslab.transfer.tftp.BytesSource;
import dev.ioslab.transfer.tftp.TftpClient;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded TFTP server taking uploads onto a real 1 MiB tmpfs: a full disk is RFC 1350's ERROR 3 ({@code Disk
 * full or allocation exceeded}), a read-only one ERROR 2, whether it is known before the first byte ({@code tsize})
 * or met mid-file; the temp file is removed, nothing partial is left, and one WARN line names file, client and
 * cause. Skipped unless the test may mount a tmpfs (root; CI runs as root).
 */
@Timeout(60)
class TftpServerHostDiskTest {

    private static final int BIG = 3 * 1024 * 1024;

    @TempDir
    Path base;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<Class<?>> loggers = List.of(TftpServer.class);
    private SmallTmpfs disk;
    private EventLoopGroup group;
    private TftpServer server;
    private InetSocketAddress address;
    private TftpClient client;
    private Path uploads;

    @BeforeEach
    void setUp() throws Exception {
        disk = SmallTmpfs.mount(base.resolve("images"), 1);
        uploads = Files.createDirectories(disk.root().resolve("uploads"));
        group = new NioEventLoopGroup(2);
        server = new TftpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), disk.root(),
                Optional.of(uploads), group, 8);
        address = server.start().get(5, TimeUnit.SECONDS);
        client = new TftpClient(group);
        log.start();
        loggers.forEach(type -> ((Logger) LoggerFactory.getLogger(type)).addAppender(log));
    }

    @AfterEach
    void tearDown() throws Exception {
        loggers.forEach(type -> ((Logger) LoggerFactory.getLogger(type)).detachAppender(log));
        if (server != null) {
            server.close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (disk != null) {
            disk.close();
        }
    }

    private TransferException upload(String name, TransferSource source) {
        Throwable failure = client.upload(request(address, name, quick()), source, TransferListener.NONE)
                .handle((done, thrown) -> thrown).join();
        assertThat(failure).isInstanceOf(TransferException.class);
        return (TransferException) failure;
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private List<Path> uploadFolder() throws Exception {
        try (Stream<Path> files = Files.list(uploads)) {
            return files.toList();
        }
    }

    @Test
    void announcedSizeAboveTheHostDiskIsRefusedBeforeTheFirstByte() throws Exception {
        TransferException failure = upload("big.bin", new BytesSource(content(BIG, 1)));

        assertThat(failure.error()).isEqualTo(TransferError.REMOTE_FULL);
        assertThat(failure.dataStarted()).isFalse();
        assertThat(failure.getMessage()).contains("server error 3: Disk full or allocation exceeded");
        assertThat(uploadFolder()).isEmpty();
        assertThat(warnings()).singleElement().asString().contains("big.bin", "127.0.0.1", "Not enough space");
    }

    @Test
    void diskFullMidFileIsError3AndLeavesNothing() throws Exception {
        // A client whose tsize fits, then sends more than the disk holds (or another writer filled the disk).
        BytesSource bytes = new BytesSource(content(BIG, 2));
        TransferSource understated = new TransferSource() {
            @Override
            public long size() {
                return 1000;
            }

            @Override
            public int read(ByteBuffer buffer) {
                return bytes.read(buffer);
            }
        };

        TransferException failure = upload("big.bin", understated);

        assertThat(failure.error()).isEqualTo(TransferError.REMOTE_FULL);
        assertThat(failure.dataStarted()).isTrue();
        assertThat(failure.getMessage()).contains("server error 3: Disk full or allocation exceeded");
        assertThat(uploadFolder()).isEmpty();
        assertThat(warnings()).singleElement().asString()
                .contains("big.bin", "127.0.0.1", "Not enough space on device", "No space left on device");

        byte[] small = content(100_000, 3);
        client.upload(request(address, "small.bin", quick()), new BytesSource(small), TransferListener.NONE)
                .get(20, TimeUnit.SECONDS);
        assertThat(Files.readAllBytes(uploads.resolve("small.bin"))).isEqualTo(small);
    }

    @Test
    void readOnlyDiskIsAnAccessViolation() throws Exception {
        disk.remountReadOnly();

        TransferException failure = upload("x.bin", new BytesSource(content(1000, 4)));

        assertThat(failure.error()).isEqualTo(TransferError.PERMISSION_DENIED);
        assertThat(failure.getMessage()).contains("server error 2");
        assertThat(uploadFolder()).isEmpty();
        // One line per request refused (a client may repeat its request before the refusal reaches it).
        assertThat(warnings()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("x.bin", "refused: Read-only file system"));
    }
}
