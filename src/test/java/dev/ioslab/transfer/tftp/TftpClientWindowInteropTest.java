package dev.ioslab.transfer.tftp;

import static dev.ioslab.transfer.tftp.TftpTestRequests.content;
import static dev.ioslab.transfer.tftp.TftpTestRequests.quick;
import static dev.ioslab.transfer.tftp.TftpTestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferResult;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7440 windows against atftpd, which supports them (tftpd-hpa does not). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TftpClientWindowInteropTest {

    private EventLoopGroup group;

    @TempDir
    Path root;

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

    @ParameterizedTest
    @CsvSource({"512, 4", "1468, 16", "8192, 16"})
    void downloadsAndUploadsWithAWindow(int blockSize, int windowSize) throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        byte[] image = content(300 * 1024 + 11, windowSize);
        Files.write(root.resolve("image.bin"), image);
        try (ExternalTftpServer server = ExternalTftpServer.atftpd(root)) {
            TftpClient client = new TftpClient(group);
            MemorySink sink = new MemorySink();
            TransferResult result = client.download(request(server.address(), "image.bin",
                    quick().withBlockSize(blockSize).withWindowSize(windowSize)), sink, TransferListener.NONE)
                    .get(30, TimeUnit.SECONDS);
            assertThat(result.bytes()).isEqualTo(image.length);
            assertThat(sink.bytes()).isEqualTo(image);

            client.upload(request(server.address(), "back.bin", quick().withBlockSize(blockSize)
                    .withWindowSize(windowSize)), new BytesSource(image), TransferListener.NONE)
                    .get(30, TimeUnit.SECONDS);
            assertThat(awaitWhole(root.resolve("back.bin"), image.length)).isEqualTo(image);
        }
    }

    /**
     * atftpd sends the last ACK before it closes the file, so the tail may still be in its stdio buffer when the
     * upload completes here: polls (bounded) until the file has {@code length} bytes, then returns what it holds.
     */
    private static byte[] awaitWhole(Path file, int length) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.size(file) < length && System.nanoTime() - deadline < 0) {
            Thread.sleep(5);
        }
        return Files.readAllBytes(file);
    }
}
