package dev.ioslab.transfer.tftp;

import static dev.ioslab.transfer.tftp.TftpTestRequests.content;
import static dev.ioslab.transfer.tftp.TftpTestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.TransferSettings;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Transfers with tftpd-hpa through a relay that drops, duplicates, delays and reorders 5 % of datagrams each. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TftpClientLossyNetworkTest {

    private EventLoopGroup group;

    @TempDir
    Path root;
    private ExternalTftpServer server;
    private LossyUdpRelay relay;

    /** The loops the client runs on: the daemon's TFTP loops (native epoll where available, else NIO). */
    EventLoopGroup newGroup() {
        return TftpEventLoops.create(1, new DefaultThreadFactory("tftp-test", true));
    }

    @BeforeAll
    void startLoop() {
        group = newGroup();
    }

    @AfterAll
    void stopLoop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void start() throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        server = ExternalTftpServer.tftpdHpa(root, 20_000);
        relay = new LossyUdpRelay(server.address(), 0.05, 1350);
    }

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static TransferSettings lossy(int blockSize) {
        return new TransferSettings(Duration.ofSeconds(1), Duration.ofMillis(60), Duration.ofSeconds(20), 12, true,
                blockSize, 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1468, 8192})
    void downloadsArriveByteIdentical(int blockSize) throws Exception {
        byte[] image = content(200 * 1024 + 77, blockSize);
        Path file = root.resolve("image.bin");
        Files.write(file, image);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        MemorySink sink = new MemorySink();

        TransferResult result = new TftpClient(group).download(request(relay.address(), "image.bin",
                lossy(blockSize)), sink, TransferListener.NONE).get(120, TimeUnit.SECONDS);

        assertThat(result.bytes()).isEqualTo(image.length);
        assertThat(sink.bytes()).isEqualTo(image);
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1468})
    void uploadsArriveByteIdenticalOrFailClearly(int blockSize) throws Exception {
        byte[] config = content(100 * 1024 + 5, blockSize + 9);
        try {
            TransferResult result = new TftpClient(group).upload(request(relay.address(), "up.bin", lossy(blockSize)),
                    new BytesSource(config), TransferListener.NONE).get(120, TimeUnit.SECONDS);
            assertThat(result.bytes()).isEqualTo(config.length);
            assertThat(Files.readAllBytes(root.resolve("up.bin"))).isEqualTo(config);
        } catch (ExecutionException failed) {
            // Only the last ACK can be lost for good (the server has left): then every byte is there all the same.
            assertThat(failed.getCause()).isInstanceOfSatisfying(TransferException.class,
                    failure -> assertThat(failure.error()).isEqualTo(TransferError.TIMED_OUT));
            assertThat(Files.readAllBytes(root.resolve("up.bin"))).isEqualTo(config);
        }
    }
}
