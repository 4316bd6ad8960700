package dev.ioslab.imageserver.ftp;

import static dev.ioslab.imageserver.ftp.ImageRequests.anonymous;
import static dev.ioslab.imageserver.ftp.ImageRequests.content;
import static dev.ioslab.imageserver.ftp.ImageRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.ioslab.testing.LogLines;
import dev.ioslab.transfer.Credentials;
import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.ftp.FtpClient;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The image repository as devices use it: the device's own FTP client against it on 127.0.0.1. */
class FtpImageServerTest {

    private static final UploadUser DEVICE = new UploadUser("device", "s3cret-device");
    private static final Credentials DEVICE_LOGIN = new Credentials(DEVICE.name(), DEVICE.password());
    private static final int LARGE = 3 * 1024 * 1024 + 17;

    @TempDir
    static Path folder;
    private static Path root;
    private static Path outside;
    private static NioEventLoopGroup group;
    private static FtpClient client;
    private static FtpImageServer server;
    private static InetSocketAddress address;

    @BeforeAll
    static void startServer() throws Exception {
        root = folder.resolve("images");
        outside = Files.createDirectories(folder.resolve("outside"));
        Files.write(outside.resolve("secret.bin"), content(100, 99));
        group = new NioEventLoopGroup(2);
        client = new FtpClient(group);
        server = new FtpImageServer(new InetSocketAddress(ImageRequests.LOOPBACK, 0), root, List.of(DEVICE),
                PassivePortRange.ANY);
        address = server.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private static byte[] download(String path, Optional<Credentials> login, boolean passive) throws Exception {
        SinkBuffer sink = new SinkBuffer();
        TransferResult result = client.download(request(address, path, login, passive), sink, TransferListener.NONE)
                .get(60, TimeUnit.SECONDS);
        assertThat(result.bytes()).isEqualTo(sink.bytes().length);
        return sink.bytes();
    }

    private static TransferResult upload(String path, Optional<Credentials> login, byte[] bytes) throws Exception {
        return client.upload(request(address, path, login, true), new ArraySource(bytes), TransferListener.NONE)
                .get(60, TimeUnit.SECONDS);
    }

    private static TransferError failure(ThrowingCall call) {
        Throwable[] seen = new Throwable[1];
        assertThatThrownBy(call::run).satisfies(thrown -> seen[0] = thrown.getCause());
        assertThat(seen[0]).isInstanceOf(TransferException.class);
        return ((TransferException) seen[0]).error();
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    static Stream<Arguments> sizesAndModes() {
        return Stream.of(0, 1000, LARGE).flatMap(size -> Stream.of(Arguments.of(size, true),
                Arguments.of(size, false)));
    }

    @ParameterizedTest(name = "{0} bytes, passive {1}")
    @MethodSource("sizesAndModes")
    void servesAnImageByteIdenticalToAnonymousInPassiveAndActiveMode(int size, boolean passive) throws Exception {
        byte[] image = content(size, size);
        String name = "c3900-" + size + "-" + passive + ".bin";
        Files.write(root.resolve(name), image);

        assertThat(download(name, anonymous(), passive)).isEqualTo(image);
        assertThat(download("/" + name, Optional.empty(), passive)).as("absolute path, client's default login")
                .isEqualTo(image);
    }

    @Test
    void servesUploadUsersTheWholeRootToo() throws Exception {
        byte[] image = content(5000, 1);
        Files.write(root.resolve("for-device.bin"), image);
        assertThat(download("for-device.bin", Optional.of(DEVICE_LOGIN), true)).isEqualTo(image);
    }

    @Test
    void twentyConcurrentDownloadsAreAllByteIdentical() throws Exception {
        byte[] image = content(LARGE, 20);
        Files.write(root.resolve("popular.bin"), image);
        List<SinkBuffer> sinks = new ArrayList<>();
        List<CompletableFuture<TransferResult>> transfers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            SinkBuffer sink = new SinkBuffer();
            sinks.add(sink);
            transfers.add(client.download(request(address, "popular.bin", anonymous(), i % 2 == 0), sink,
                    TransferListener.NONE));
        }
        CompletableFuture.allOf(transfers.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
        for (SinkBuffer sink : sinks) {
            assertThat(sink.bytes()).isEqualTo(image);
        }
    }

    @Test
    void anonymousCannotUploadAnywhere() throws Exception {
        assertThat(failure(() -> upload("anon.bin", anonymous(), content(10, 2))))
                .isEqualTo(TransferError.PERMISSION_DENIED);
        assertThat(failure(() -> upload("upload/anon.bin", anonymous(), content(10, 2))))
                .isEqualTo(TransferError.PERMISSION_DENIED);
        assertThat(root.resolve("anon.bin")).doesNotExist();
        assertThat(root.resolve("upload/anon.bin")).doesNotExist();
    }

    @Test
    void anUploadUserStoresIntoTheUploadFolderOnly() throws Exception {
        byte[] config = content(LARGE, 3);

        TransferResult stored = upload("upload/R1-confg.bin", Optional.of(DEVICE_LOGIN), config);

        assertThat(stored.bytes()).isEqualTo(config.length);
        assertThat(Files.readAllBytes(root.resolve("upload/R1-confg.bin"))).isEqualTo(config);
        assertThat(download("upload/R1-confg.bin", anonymous(), true)).as("anonymous reads uploads").isEqualTo(config);
        try (Stream<Path> files = Files.list(root.resolve("upload"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .noneMatch(PendingUpload::isTemporaryName);
        }
        for (String elsewhere : List.of("top.bin", "/top.bin", "upload/../top.bin", "upload")) {
            assertThat(failure(() -> upload(elsewhere, Optional.of(DEVICE_LOGIN), config))).as(elsewhere)
                    .isIn(TransferError.PERMISSION_DENIED, TransferError.REMOTE_ERROR);
        }
        assertThat(root.resolve("top.bin")).doesNotExist();
    }

    @Test
    void anUploadReplacesAnOlderFileOfTheSameName() throws Exception {
        upload("upload/again.bin", Optional.of(DEVICE_LOGIN), content(5000, 4));
        byte[] newer = content(300, 5);
        upload("upload/again.bin", Optional.of(DEVICE_LOGIN), newer);
        assertThat(Files.readAllBytes(root.resolve("upload/again.bin"))).isEqualTo(newer);
    }

    @Test
    void refusesPathsThatClimbOutOfTheRoot() throws Exception {
        for (String escape : List.of("../outside/secret.bin", "/../outside/secret.bin",
                "upload/../../outside/secret.bin",
                "//" + outside.resolve("secret.bin"), outside.resolve("secret.bin").toString())) {
            assertThat(failure(() -> download(escape, anonymous(), true))).as(escape)
                    .isEqualTo(TransferError.NO_SUCH_FILE);
        }
    }

    @Test
    void refusesSymbolicLinksThatPointOutOfTheRoot() throws Exception {
        Files.createSymbolicLink(root.resolve("escape.bin"), outside.resolve("secret.bin"));
        Files.createSymbolicLink(root.resolve("escape-dir"), outside);
        for (String path : List.of("escape.bin", "escape-dir/secret.bin", "/escape-dir/secret.bin")) {
            assertThat(failure(() -> download(path, anonymous(), true))).as(path)
                    .isEqualTo(TransferError.NO_SUCH_FILE);
            assertThat(failure(() -> download(path, Optional.of(DEVICE_LOGIN), false))).as(path)
                    .isEqualTo(TransferError.NO_SUCH_FILE);
        }
    }

    @Test
    void refusesUploadsThroughSymbolicLinksThatPointOutOfTheRoot() throws Exception {
        Path victim = Files.write(outside.resolve("victim.bin"), content(50, 6));
        Files.createSymbolicLink(root.resolve("upload/victim.bin"), victim);
        Files.createSymbolicLink(root.resolve("upload/out"), outside);

        for (String path : List.of("upload/victim.bin", "upload/out/planted.bin")) {
            assertThat(failure(() -> upload(path, Optional.of(DEVICE_LOGIN), content(10, 7)))).as(path)
                    .isIn(TransferError.PERMISSION_DENIED, TransferError.REMOTE_ERROR);
        }
        assertThat(Files.readAllBytes(victim)).isEqualTo(content(50, 6));
        assertThat(outside.resolve("planted.bin")).doesNotExist();
    }

    @Test
    void followsSymbolicLinksThatStayInsideTheRoot() throws Exception {
        byte[] image = content(2000, 8);
        Files.write(root.resolve("c3900-v2.bin"), image);
        Files.createSymbolicLink(root.resolve("latest.bin"), Path.of("c3900-v2.bin"));
        assertThat(download("latest.bin", anonymous(), true)).isEqualTo(image);
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownUser() {
        for (Credentials wrong : List.of(new Credentials(DEVICE.name(), "not-it"), new Credentials("admin", "admin"),
                new Credentials("ftp", "ftp"))) {
            assertThat(failure(() -> download("anything.bin", Optional.of(wrong), true))).as(wrong.user())
                    .isEqualTo(TransferError.LOGIN_FAILED);
        }
    }

    @Test
    void logsEachTransferWithClientUserFileBytesAndResultButNoPassword() throws Exception {
        List<String> messages;
        List<ILoggingEvent> events;
        try (LogLines lines = LogLines.of(TransferLogFtplet.class, Level.INFO)) {
            byte[] image = content(4321, 9);
            Files.write(root.resolve("logged.bin"), image);
            download("logged.bin", anonymous(), true);
            upload("upload/logged.bin", Optional.of(DEVICE_LOGIN), image);
            failure(() -> upload("logged-denied.bin", Optional.of(DEVICE_LOGIN), image));
            // The server logs a command after its reply is sent, so the client may see the 550 before the line.
            messages = lines.awaitMessages(3, 10_000);
            events = lines.events();
        }
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).contains("download", "/logged.bin", "anonymous", "127.0.0.1", "4321 bytes", "226");
        assertThat(messages.get(1)).contains("upload", "/upload/logged.bin", "device", "4321 bytes", "226");
        assertThat(messages.get(2)).contains("upload", "logged-denied.bin", "device", "refused", "550");
        assertThat(String.join("\n", messages)).doesNotContain(DEVICE.password(), "admin@R1");
        assertThat(events).allMatch(event -> event.getLevel() == Level.INFO);
    }

    @Test
    void bindFailureNamesTheAddressAndPort() {
        FtpImageServer second = new FtpImageServer(address, root, List.of(), PassivePortRange.ANY);
        assertThatThrownBy(second::start).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("127.0.0.1:" + address.getPort());
        second.close();
    }
}
