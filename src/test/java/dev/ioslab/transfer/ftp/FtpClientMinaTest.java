package dev.ioslab.transfer.ftp;

import static dev.ioslab.transfer.ftp.FtpRequests.content;
import static dev.ioslab.transfer.ftp.FtpRequests.quick;
import static dev.ioslab.transfer.ftp.FtpRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.transfer.Credentials;
import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferResult;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The client against Apache MINA FtpServer on 127.0.0.1: both directions, both modes, and the failures. */
class FtpClientMinaTest {

    private static final Credentials WRITER = new Credentials("device", "s3cret-writer");
    private static final Credentials READER = new Credentials("reader", "s3cret-reader");
    private static final Credentials SLOW = new Credentials("slow", "s3cret-slow");
    private static final int LARGE = 3 * 1024 * 1024 + 17;

    @TempDir
    static Path root;
    private static NioEventLoopGroup group;
    private static FtpServer server;
    private static int port;
    private static volatile CountDownLatch disconnects = new CountDownLatch(0);
    private static FtpClient client;

    @BeforeAll
    static void startServer() throws Exception {
        group = new NioEventLoopGroup(2);
        client = new FtpClient(group);
        Files.createDirectories(root.resolve("images"));
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        factory.addListener("default", listener.createListener());
        UserManager users = new PropertiesUserManagerFactory().createUserManager();
        users.save(user(WRITER.user(), WRITER.password(), new WritePermission()));
        users.save(user(READER.user(), READER.password()));
        users.save(user("anonymous", ""));
        users.save(user(SLOW.user(), SLOW.password(), new TransferRatePermission(32 * 1024, 32 * 1024)));
        factory.setUserManager(users);
        factory.getFtplets().put("watch", new DefaultFtplet() {
            @Override
            public FtpletResult onDisconnect(org.apache.ftpserver.ftplet.FtpSession session) {
                disconnects.countDown();
                return FtpletResult.DEFAULT;
            }
        });
        server = factory.createServer();
        server.start();
        port = ((DefaultFtpServer) server).getListener("default").getPort();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private static BaseUser user(String name, String password,
                                 org.apache.ftpserver.ftplet.Authority... authorities) {
        BaseUser user = new BaseUser();
        user.setName(name);
        user.setPassword(password);
        user.setHomeDirectory(root.toString());
        user.setAuthorities(List.of(authorities));
        return user;
    }

    static Stream<Arguments> sizesAndModes() {
        return Stream.of(0, 1000, LARGE).flatMap(size -> Stream.of(Arguments.of(size, true),
                Arguments.of(size, false)));
    }

    @ParameterizedTest(name = "{0} bytes, passive {1}")
    @MethodSource("sizesAndModes")
    void downloadsByteIdenticalWithTheSizeAnnouncedFirst(int size, boolean passive) throws Exception {
        byte[] expected = content(size, size);
        String name = "images/down-" + size + "-" + passive + ".bin";
        Files.write(root.resolve(name), expected);
        RecordingSink sink = new RecordingSink();

        TransferResult result = client.download(request(port, name, Optional.of(WRITER), quick(passive)), sink,
                TransferListener.NONE).get(30, TimeUnit.SECONDS);

        assertThat(sink.bytes()).isEqualTo(expected);
        assertThat(result.bytes()).isEqualTo(size);
        assertThat(result.server()).isEqualTo(new InetSocketAddress(FtpRequests.LOOPBACK, port));
        assertThat(sink.calls.get(0)).isEqualTo("size " + size);
        assertThat(sink.calls.subList(1, sink.calls.size())).allMatch("write"::equals);
    }

    @ParameterizedTest(name = "{0} bytes, passive {1}")
    @MethodSource("sizesAndModes")
    void uploadsByteIdentical(int size, boolean passive) throws Exception {
        byte[] content = content(size, size + 1);
        String name = "images/up-" + size + "-" + passive + ".bin";

        TransferResult result = client.upload(request(port, name, Optional.of(WRITER), quick(passive)),
                new ByteArraySource(content), TransferListener.NONE).get(30, TimeUnit.SECONDS);

        assertThat(result.bytes()).isEqualTo(size);
        assertThat(Files.readAllBytes(root.resolve(name))).isEqualTo(content);
    }

    @Test
    void takesAnAbsolutePathAndARelativeOneVerbatim() throws Exception {
        byte[] expected = content(5000, 7);
        Files.write(root.resolve("images/paths.bin"), expected);
        for (String path : new String[] {"images/paths.bin", "/images/paths.bin"}) {
            RecordingSink sink = new RecordingSink();
            client.download(request(port, path, Optional.of(WRITER), quick(true)), sink, TransferListener.NONE)
                    .get(30, TimeUnit.SECONDS);
            assertThat(sink.bytes()).as(path).isEqualTo(expected);
        }
    }

    @Test
    void logsInAnonymouslyWithoutCredentials() throws Exception {
        byte[] expected = content(2000, 8);
        Files.write(root.resolve("images/anon.bin"), expected);
        RecordingSink sink = new RecordingSink();
        client.download(request(port, "images/anon.bin", Optional.empty(), quick(true)), sink, TransferListener.NONE)
                .get(30, TimeUnit.SECONDS);
        assertThat(sink.bytes()).isEqualTo(expected);
    }

    @Test
    void tellsTheListenerWhereTheDataComesFromAndHowMuchArrived() throws Exception {
        Files.write(root.resolve("images/listen.bin"), content(LARGE, 9));
        AtomicLong last = new AtomicLong();
        CompletableFuture<InetSocketAddress> started = new CompletableFuture<>();
        TransferListener listener = new TransferListener() {
            @Override
            public void started(InetSocketAddress from) {
                started.complete(from);
            }

            @Override
            public void progress(long totalBytes) {
                assertThat(started).isDone();
                last.set(totalBytes);
            }
        };
        client.download(request(port, "images/listen.bin", Optional.of(WRITER), quick(true)), new RecordingSink(),
                listener).get(30, TimeUnit.SECONDS);
        assertThat(started.get().getAddress()).isEqualTo(FtpRequests.LOOPBACK);
        assertThat(last.get()).isEqualTo(LARGE);
    }

    @Test
    void reportsAWrongPasswordAsLoginFailedWithoutShowingIt() {
        Credentials wrong = new Credentials(WRITER.user(), "not-the-password");
        RecordingSink sink = new RecordingSink();
        assertThatThrownBy(() -> client.download(request(port, "images/x", Optional.of(wrong), quick(true)), sink,
                TransferListener.NONE).get(30, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(TransferException.class, failure -> {
                    assertThat(failure.error()).isEqualTo(TransferError.LOGIN_FAILED);
                    assertThat(failure.dataStarted()).isFalse();
                    assertThat(failure.getMessage() + failure.detail()).doesNotContain("not-the-password");
                });
        assertThat(sink.calls).isEmpty();
    }

    @Test
    void reportsAMissingFile() {
        assertThatThrownBy(() -> client.download(request(port, "images/none.bin", Optional.of(WRITER), quick(true)),
                new RecordingSink(), TransferListener.NONE).get(30, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(TransferException.class, failure -> {
                    assertThat(failure.error()).isEqualTo(TransferError.NO_SUCH_FILE);
                    assertThat(failure.dataStarted()).isFalse();
                });
    }

    @Test
    void reportsAStoreWithoutWriteRightAsPermissionDenied() {
        assertThatThrownBy(() -> client.upload(request(port, "images/denied.bin", Optional.of(READER), quick(true)),
                new ByteArraySource(content(100, 1)), TransferListener.NONE).get(30, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(TransferException.class, failure ->
                        assertThat(failure.error()).as(failure.detail()).isEqualTo(TransferError.PERMISSION_DENIED));
        assertThat(root.resolve("images/denied.bin")).doesNotExist();
    }

    @Test
    void passesTheSinksOwnFailureThroughUnchanged() {
        Files.exists(root);
        IOException full = new IOException("flash full");
        byte[] bytes = content(4000, 3);
        String name = "images/sinkfail.bin";
        assertThatThrownBy(() -> {
            Files.write(root.resolve(name), bytes);
            client.download(request(port, name, Optional.of(WRITER), quick(true)),
                    new RecordingSink().refusingSize(full), TransferListener.NONE).get(30, TimeUnit.SECONDS);
        }).isInstanceOf(ExecutionException.class).cause().isSameAs(full);
        IOException broken = new IOException("write failed");
        assertThatThrownBy(() -> client.download(request(port, name, Optional.of(WRITER), quick(false)),
                new RecordingSink().refusingWrites(broken), TransferListener.NONE).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isSameAs(broken);
    }

    @Test
    void passesTheSourcesOwnFailureThroughUnchanged() {
        IOException unreadable = new IOException("flash read error");
        assertThatThrownBy(() -> client.upload(request(port, "images/srcfail.bin", Optional.of(WRITER), quick(true)),
                new ByteArraySource(content(LARGE, 4), 1024 * 1024, unreadable), TransferListener.NONE)
                .get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isSameAs(unreadable);
    }

    @Test
    void cancellingMidTransferClosesTheConnectionsAndLeavesTheSinkAlone() throws Exception {
        Files.write(root.resolve("images/slow.bin"), content(1024 * 1024, 5));
        disconnects = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink();
        CompletableFuture<?> transfer = client.download(request(port, "images/slow.bin", Optional.of(SLOW),
                quick(true)), sink, TransferListener.NONE);
        assertThat(sink.firstWrite.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(transfer.cancel(true)).isTrue();
        sink.seal();

        assertThat(disconnects.await(30, TimeUnit.SECONDS)).as("the server saw the control connection close").isTrue();
        assertThatThrownBy(() -> transfer.get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(sink.bytes().length).isLessThan(1024 * 1024);
        assertThat(sink.callsAfterSeal).hasValue(0);
    }
}
