package dev.ioslab.imageserver.tftp;

import static dev.ioslab.transfer.tftp.TftpTestRequests.content;
import static dev.ioslab.transfer.tftp.TftpTestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferSettings;
import dev.ioslab.transfer.tftp.BytesSource;
import dev.ioslab.transfer.tftp.LossyUdpRelay;
import dev.ioslab.transfer.tftp.MemorySink;
import dev.ioslab.transfer.tftp.TftpClient;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client and the embedded server through a relay that drops, duplicates, delays and reorders 5 % of datagrams
 * each, windows included (RFC 7440 section 4 recovery on both sides). The client asks for RFC 2349's shortest
 * timeout, 1 s, which both sides then use; in a window most losses are repaired at once by the receiver's ACK of the
 * last block in order.
 */
class TftpServerLossyNetworkTest {

    private static EventLoopGroup group;

    @TempDir
    Path base;

    @BeforeAll
    static void startLoop() {
        group = new NioEventLoopGroup(2);
    }

    @AfterAll
    static void stopLoop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @ParameterizedTest
    @CsvSource({"512, 1", "1468, 4", "1468, 16", "8192, 8"})
    void downloadsAndUploadsArriveByteIdentical(int blockSize, int windowSize) throws Exception {
        Path images = Files.createDirectories(base.resolve("images"));
        Path uploads = Files.createDirectories(images.resolve("uploads"));
        byte[] image = content(Math.min(150 * 1024, 48 * blockSize * windowSize) + 7, blockSize + windowSize);
        Files.write(images.resolve("image.bin"), image);
        TransferSettings settings = new TransferSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(30), 5, true, blockSize, windowSize);
        try (TftpServer server = new TftpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), images,
                Optional.of(uploads), group, 8);
             LossyUdpRelay relay = new LossyUdpRelay(server.start().get(5, TimeUnit.SECONDS), 0.05, windowSize)) {
            TftpClient client = new TftpClient(group);
            MemorySink sink = new MemorySink();
            client.download(request(relay.address(), "image.bin", settings), sink, TransferListener.NONE)
                    .get(120, TimeUnit.SECONDS);
            assertThat(sink.bytes()).isEqualTo(image);
        }
        try (TftpServer server = new TftpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), images,
                Optional.of(uploads), group, 8);
             LossyUdpRelay relay = new LossyUdpRelay(server.start().get(5, TimeUnit.SECONDS), 0.05, blockSize)) {
            new TftpClient(group).upload(request(relay.address(), "back.bin", settings), new BytesSource(image),
                    TransferListener.NONE).get(120, TimeUnit.SECONDS);
            assertThat(Files.readAllBytes(uploads.resolve("back.bin"))).isEqualTo(image);
        }
    }
}
