package dev.ioslab.transfer.tftp;

import static dev.ioslab.transfer.tftp.TftpTestRequests.content;
import static dev.ioslab.transfer.tftp.TftpTestRequests.quick;
import static dev.ioslab.transfer.tftp.TftpTestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.TransferSettings;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against tftpd-hpa, the server most labs run. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TftpClientInteropTest {

    private EventLoopGroup group;

    @TempDir
    Path root;
    private ExternalTftpServer server;
    private TftpClient client;

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
    void startServer() throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        server = ExternalTftpServer.tftpdHpa(root, 50_000);
        client = new TftpClient(group);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1468, 8192, 65464})
    void downloadsByteIdenticalAtEveryBlockSize(int blockSize) throws Exception {
        byte[] image = content(3 * blockSize + 1000, blockSize);
        publish("image.bin", image);
        MemorySink sink = new MemorySink();
        AtomicReference<InetSocketAddress> started = new AtomicReference<>();
        TransferResult result = client.download(request(server.address(), "image.bin",
                quick().withBlockSize(blockSize)), sink, new TransferListener() {
                    @Override
                    public void started(InetSocketAddress from) {
                        started.set(from);
                    }
                }).get(20, TimeUnit.SECONDS);

        assertThat(sink.bytes()).isEqualTo(image);
        assertThat(result.bytes()).isEqualTo(image.length);
        assertThat(sink.announced()).hasValue(image.length);
        assertThat(sink.announcedBeforeFirstWrite()).isTrue();
        assertThat(started.get().getAddress()).isEqualTo(server.address().getAddress());
        assertThat(started.get().getPort()).as("the transfer ID, not the request port")
                .isNotEqualTo(server.address().getPort());
    }

    @Test
    void downloadsAFileOfWholeBlocksWithItsEmptyLastBlock() throws Exception {
        byte[] image = content(4 * 512, 7);
        publish("whole.bin", image);
        MemorySink sink = new MemorySink();
        client.download(request(server.address(), "whole.bin", quick()), sink, TransferListener.NONE)
                .get(20, TimeUnit.SECONDS);
        assertThat(sink.bytes()).isEqualTo(image);
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1468, 8192, 65464})
    void uploadsByteIdenticalAtEveryBlockSize(int blockSize) throws Exception {
        byte[] config = content(5 * blockSize + 17, blockSize + 1);
        TransferResult result = client.upload(request(server.address(), "upload-" + blockSize + ".bin",
                quick().withBlockSize(blockSize)), new BytesSource(config), TransferListener.NONE)
                .get(20, TimeUnit.SECONDS);
        assertThat(result.bytes()).isEqualTo(config.length);
        assertThat(Files.readAllBytes(root.resolve("upload-" + blockSize + ".bin"))).isEqualTo(config);
    }

    @Test
    void missingFileIsNoSuchFileBeforeAnyData() {
        assertThatThrownBy(() -> client.download(request(server.address(), "absent.bin", quick()), new MemorySink(),
                TransferListener.NONE).get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(TransferException.class,
                        failure -> {
                            assertThat(failure.error()).isEqualTo(TransferError.NO_SUCH_FILE);
                            assertThat(failure.dataStarted()).isFalse();
                        });
    }

    @Test
    void unreadableFileIsPermissionDenied() throws Exception {
        publish("secret.bin", content(100, 1));
        Files.setPosixFilePermissions(root.resolve("secret.bin"), PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> client.download(request(server.address(), "secret.bin", quick()), new MemorySink(),
                TransferListener.NONE).get(20, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(TransferException.class,
                        failure -> assertThat(failure.error()).isEqualTo(TransferError.PERMISSION_DENIED));
    }

    @Test
    void blockNumbersRollOverPast65535() throws Exception {
        Path big = root.resolve("big.bin");
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        Random random = new Random(48);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 48; i++) {
                random.nextBytes(chunk);
                expected.update(chunk);
                out.write(chunk);
            }
        }
        MemorySink sink = new MemorySink(false);
        TransferSettings settings = quick();
        TransferResult result = client.download(request(server.address(), "big.bin", settings), sink,
                TransferListener.NONE).get(120, TimeUnit.SECONDS);
        assertThat(result.bytes()).isEqualTo(48L << 20);
        assertThat(sink.sha256()).isEqualTo(expected.digest());
    }

    private void publish(String name, byte[] bytes) throws Exception {
        Path file = root.resolve(name);
        Files.write(file, bytes);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
