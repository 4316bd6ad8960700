package dev.ioslab.imageserver.tftp;

import static dev.ioslab.transfer.tftp.TftpTestRequests.content;
import static dev.ioslab.transfer.tftp.TftpTestRequests.quick;
import static dev.ioslab.transfer.tftp.TftpTestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import dev.ioslab.testing.LogLines;
import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.tftp.BytesSource;
import dev.ioslab.transfer.tftp.MemorySink;
import dev.ioslab.transfer.tftp.TftpClient;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TftpServerTest {

    private static EventLoopGroup group;

    @TempDir
    Path base;
    private Path images;
    private Path uploads;
    private TftpServer server;
    private InetSocketAddress address;
    private TftpClient client;

    @BeforeAll
    static void startLoop() {
        group = new NioEventLoopGroup(2);
    }

    @AfterAll
    static void stopLoop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void startServer() throws Exception {
        images = Files.createDirectories(base.resolve("images"));
        uploads = Files.createDirectories(images.resolve("uploads"));
        server = new TftpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), images,
                Optional.of(uploads), group, 64);
        address = server.start().get(5, TimeUnit.SECONDS);
        client = new TftpClient(group);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"512, 1", "1468, 1", "8192, 1", "65464, 1", "512, 4", "1468, 16", "8192, 16"})
    void servesByteIdenticalAtEveryBlockAndWindowSize(int blockSize, int windowSize) throws Exception {
        byte[] image = content(40 * blockSize + 123, blockSize * 31L + windowSize);
        Files.write(images.resolve("c3900.bin"), image);
        MemorySink sink = new MemorySink();
        TransferResult result = client.download(request(address, "c3900.bin",
                quick().withBlockSize(blockSize).withWindowSize(windowSize)), sink, TransferListener.NONE)
                .get(20, TimeUnit.SECONDS);
        assertThat(result.bytes()).isEqualTo(image.length);
        assertThat(sink.bytes()).isEqualTo(image);
        assertThat(sink.announced()).hasValue(image.length);
    }

    @Test
    void servesAnEmptyFile() throws Exception {
        Files.write(images.resolve("empty.bin"), new byte[0]);
        MemorySink sink = new MemorySink();
        assertThat(client.download(request(address, "empty.bin", quick()), sink, TransferListener.NONE)
                .get(10, TimeUnit.SECONDS).bytes()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 8192})
    void takesUploadsAtomicallyIntoTheUploadFolder(int blockSize) throws Exception {
        byte[] config = content(30 * blockSize + 9, blockSize);
        client.upload(request(address, "r1-confg", quick().withBlockSize(blockSize).withWindowSize(4)),
                new BytesSource(config), TransferListener.NONE).get(20, TimeUnit.SECONDS);
        assertThat(Files.readAllBytes(uploads.resolve("r1-confg"))).isEqualTo(config);
        try (Stream<Path> files = Files.list(uploads)) {
            assertThat(files).as("no temp file is left").containsExactly(uploads.resolve("r1-confg"));
        }
    }

    @Test
    void removesUploadLeftoversOfAnEarlierRunInEveryUploadFolder() throws Exception {
        server.close();
        Path sub = Files.createDirectories(uploads.resolve("r1"));
        Path top = Files.write(uploads.resolve(".c3900.bin.1f2e.tftp-part"), new byte[512]);
        Path nested = Files.write(sub.resolve(".c3900.bin.3a4b.tftp-part"), new byte[512]);
        Path kept = Files.write(sub.resolve("kept.bin"), new byte[] {1});
        server = new TftpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), images,
                Optional.of(uploads), group, 64);
        address = server.start().get(5, TimeUnit.SECONDS);
        // Uploads may go into a subfolder of the upload folder ("r1/c3900.bin"), so a crash can leave one there too.
        assertThat(top).doesNotExist();
        assertThat(nested).doesNotExist();
        assertThat(kept).exists();
    }

    @Test
    void refusesUploadsWhenNotEnabled() throws Exception {
        server.close();
        server = new TftpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), images,
                Optional.empty(), group, 4);
        address = server.start().get(5, TimeUnit.SECONDS);
        assertFailure(client.upload(request(address, "x.bin", quick()), new BytesSource(new byte[10]),
                TransferListener.NONE), TransferError.PERMISSION_DENIED);
    }

    @Test
    void refusesPathsOutsideItsRoot() throws Exception {
        Files.writeString(base.resolve("secret.txt"), "enable secret 5 $1$abc");
        Files.createSymbolicLink(images.resolve("escape.txt"), base.resolve("secret.txt"));
        for (String name : List.of("../secret.txt", "uploads/../../secret.txt", base.resolve("secret.txt").toString(),
                "/etc/passwd", "escape.txt", ".hidden")) {
            assertFailure(client.download(request(address, name, quick()), new MemorySink(), TransferListener.NONE),
                    TransferError.PERMISSION_DENIED);
        }
        assertFailure(client.upload(request(address, "../evil.bin", quick()), new BytesSource(new byte[3]),
                TransferListener.NONE), TransferError.PERMISSION_DENIED);
        assertThat(base.resolve("evil.bin")).doesNotExist();
    }

    @Test
    void acceptsAbsolutePathsInsideItsRoot() throws Exception {
        Files.write(images.resolve("ok.bin"), new byte[] {1, 2, 3});
        MemorySink sink = new MemorySink();
        client.download(request(address, images.toRealPath().resolve("ok.bin").toString(), quick()), sink,
                TransferListener.NONE).get(10, TimeUnit.SECONDS);
        assertThat(sink.bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void missingFileIsFileNotFound() {
        assertFailure(client.download(request(address, "absent.bin", quick()), new MemorySink(),
                TransferListener.NONE), TransferError.NO_SUCH_FILE);
    }

    @Test
    void fiftyConcurrentDownloadsArriveByteIdentical() throws Exception {
        byte[] image = content(256 * 1024 + 3, 50);
        Files.write(images.resolve("shared.bin"), image);
        List<MemorySink> sinks = new ArrayList<>();
        List<CompletableFuture<TransferResult>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            MemorySink sink = new MemorySink();
            sinks.add(sink);
            results.add(client.download(request(address, "shared.bin", quick().withBlockSize(1468)), sink,
                    TransferListener.NONE));
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (MemorySink sink : sinks) {
            assertThat(sink.bytes()).isEqualTo(image);
        }
    }

    @Test
    void refusesRequestsAboveTheTransferLimit() throws Exception {
        server.close();
        server = new TftpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), images,
                Optional.empty(), group, 1);
        address = server.start().get(5, TimeUnit.SECONDS);
        Files.write(images.resolve("a.bin"), new byte[2000]);
        try (DatagramSocket stalled = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            // A client that asks and never acknowledges holds the only slot.
            byte[] rrq = "\0\1a.bin\0octet\0".getBytes(StandardCharsets.US_ASCII);
            stalled.send(new DatagramPacket(rrq, rrq.length, address));
            stalled.setSoTimeout(5000);
            stalled.receive(new DatagramPacket(new byte[600], 600));

            TransferException failure = assertFailure(client.download(request(address, "a.bin", quick()),
                    new MemorySink(), TransferListener.NONE), TransferError.REMOTE_ERROR);
            assertThat(failure.detail()).contains("busy");
        }
    }

    @Test
    void logsFileNamesWithoutTheirControlCharacters() throws Exception {
        List<String> messages;
        try (LogLines lines = LogLines.of(TftpServer.class, Level.INFO);
             DatagramSocket forger = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket other = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            forger.setSoTimeout(5000);
            other.setSoTimeout(5000);
            // A name may hold any byte but NUL: a client could write whole forged lines into the server's log.
            byte[] rrq = "\0\1absent.bin\r\n2026-12-05T07:00:00Z INFO  [main] admin logged in\0octet\0"
                    .getBytes(StandardCharsets.US_ASCII);
            forger.send(new DatagramPacket(rrq, rrq.length, address));
            forger.receive(new DatagramPacket(new byte[600], 600));
            // The request port handles requests one after the other: once the second is answered, the first is logged.
            byte[] next = "\0\1absent-too.bin\0octet\0".getBytes(StandardCharsets.US_ASCII);
            other.send(new DatagramPacket(next, next.length, address));
            other.receive(new DatagramPacket(new byte[600], 600));
            messages = lines.messages();
        }
        assertThat(messages).anyMatch(line -> line.contains("absent.bin"));
        assertThat(messages).noneMatch(line -> line.contains("\n") || line.contains("\r"));
    }

    @Test
    void anUploadStillDallyingHoldsItsSlotSoTransferSocketsStayBounded() throws Exception {
        server.close();
        server = new TftpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), images,
                Optional.of(uploads), group, 1);
        address = server.start().get(5, TimeUnit.SECONDS);
        try (DatagramSocket first = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket second = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            first.setSoTimeout(5000);
            second.setSoTimeout(5000);
            // A whole upload: with timeout 255 the server keeps its socket open to dally (RFC 1350 section 6).
            byte[] wrq = ("\0\2a.bin\0octet\0timeout\0" + "255\0").getBytes(StandardCharsets.US_ASCII);
            first.send(new DatagramPacket(wrq, wrq.length, address));
            DatagramPacket oack = new DatagramPacket(new byte[600], 600);
            first.receive(oack);
            assertThat(oack.getData()[1]).as("OACK").isEqualTo((byte) 6);
            byte[] last = {0, 3, 0, 1, 'i', 'o', 's'};
            first.send(new DatagramPacket(last, last.length, oack.getSocketAddress()));
            DatagramPacket ack = new DatagramPacket(new byte[600], 600);
            first.receive(ack);
            assertThat(ack.getData()[1]).as("ACK of the last block").isEqualTo((byte) 4);
            assertThat(uploads.resolve("a.bin")).hasBinaryContent(new byte[] {'i', 'o', 's'});

            // The first transfer's socket is still open: a second one now would be a second socket with one slot.
            byte[] next = "\0\2b.bin\0octet\0".getBytes(StandardCharsets.US_ASCII);
            second.send(new DatagramPacket(next, next.length, address));
            DatagramPacket answer = new DatagramPacket(new byte[600], 600);
            second.receive(answer);
            assertThat(answer.getData()[1]).as("ERROR, not ACK 0").isEqualTo((byte) 5);
            assertThat(new String(answer.getData(), 4, answer.getLength() - 5, StandardCharsets.US_ASCII))
                    .contains("busy");
        }
    }

    @Test
    void dropsMalformedDatagramsAndKeepsServing() throws Exception {
        try (DatagramSocket hostile = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            hostile.setSoTimeout(300);
            for (byte[] junk : List.of(new byte[0], new byte[] {0, 9}, new byte[] {0, 1, 'x'},
                    new byte[] {0, 4, 0, 1}, new byte[] {0, 1, 'x', 0, 'b', 'i', 'n', 0})) {
                hostile.send(new DatagramPacket(junk, junk.length, address));
            }
            assertThatThrownBy(() -> hostile.receive(new DatagramPacket(new byte[600], 600)))
                    .as("no answer to junk").isInstanceOf(SocketTimeoutException.class);
        }
        Files.write(images.resolve("after.bin"), new byte[] {7});
        MemorySink sink = new MemorySink();
        client.download(request(address, "after.bin", quick()), sink, TransferListener.NONE)
                .get(10, TimeUnit.SECONDS);
        assertThat(sink.bytes()).containsExactly(7);
    }

    @Test
    void tftpHpaFetchesByteIdentical() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tftp")), "tftp-hpa (/usr/bin/tftp) is not installed");
        byte[] image = content(100_000, 11);
        Files.write(images.resolve("hpa.bin"), image);
        Path out = base.resolve("hpa-out.bin");
        run("/usr/bin/tftp", "-m", "binary", "127.0.0.1", Integer.toString(address.getPort()), "-c", "get",
                "hpa.bin", out.toString());
        assertThat(Files.readAllBytes(out)).isEqualTo(image);
    }

    @Test
    void curlFetchesByteIdentical() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
        byte[] image = content(300_000, 12);
        Files.write(images.resolve("curl.bin"), image);
        Path out = base.resolve("curl-out.bin");
        run("/usr/bin/curl", "-s", "-S", "--tftp-blksize", "8192", "-o", out.toString(),
                "tftp://127.0.0.1:" + address.getPort() + "/curl.bin");
        assertThat(Files.readAllBytes(out)).isEqualTo(image);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static TransferException assertFailure(CompletableFuture<TransferResult> result, TransferError error) {
        Throwable failure = result.handle((done, thrown) -> thrown).join();
        assertThat(failure).isInstanceOf(TransferException.class);
        TransferException transfer = (TransferException) failure;
        assertThat(transfer.error()).as(transfer.getMessage()).isEqualTo(error);
        return transfer;
    }
}
