package dev.ioslab.imageserver.ftp;

import static dev.ioslab.imageserver.ftp.ImageRequests.anonymous;
import static dev.ioslab.imageserver.ftp.ImageRequests.content;
import static dev.ioslab.imageserver.ftp.ImageRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ioslab.testing.LogLines;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.ftp.FtpClient;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Clients that misbehave on purpose: the server must stay bounded and keep serving the others. */
class FtpImageServerHostileClientTest {

    private static final UploadUser DEVICE = new UploadUser("device", "s3cret-device");

    @TempDir
    Path root;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private FtpImageServer server;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private InetSocketAddress start(FtpServerLimits limits, PassivePortRange passive) throws IOException {
        server = new FtpImageServer(new InetSocketAddress(ImageRequests.LOOPBACK, 0), root, List.of(DEVICE), passive,
                limits);
        return server.start();
    }

    private RawFtpControl connect(InetSocketAddress address) throws IOException {
        RawFtpControl control = new RawFtpControl(address);
        opened.add(control);
        return control;
    }

    private static FtpServerLimits shortIdle() {
        return FtpServerLimits.defaults().withIdleTimeout(Duration.ofSeconds(1));
    }

    @Test
    void closesAControlConnectionThatStaysSilent() throws Exception {
        RawFtpControl silent = connect(start(shortIdle(), PassivePortRange.ANY));
        assertThat(silent.reply().code()).isEqualTo(220);
        assertThat(silent.awaitClose()).isTrue();
    }

    @Test
    void refusesConnectionsAboveTheCapWith421AndAcceptsAgainWhenOneCloses() throws Exception {
        InetSocketAddress address = start(FtpServerLimits.defaults().withCaps(2, 2, 2), PassivePortRange.ANY);
        RawFtpControl first = connect(address);
        RawFtpControl second = connect(address);
        assertThat(first.reply().code()).isEqualTo(220);
        assertThat(second.reply().code()).isEqualTo(220);

        RawFtpControl third = connect(address);
        assertThat(third.reply().code()).isEqualTo(421);
        assertThat(third.awaitClose()).isTrue();

        first.send("QUIT");
        assertThat(first.awaitClose()).isTrue();
        RawFtpControl fourth = new RawFtpControl(address);
        opened.add(fourth);
        // The server counts the first connection as closed once MINA has run its disconnect, just after QUIT.
        RawFtpControl.Reply greeting = fourth.reply();
        for (int attempt = 0; attempt < 100 && greeting.code() == 421; attempt++) {
            fourth.awaitClose();
            fourth = connect(address);
            greeting = fourth.reply();
        }
        assertThat(greeting.code()).isEqualTo(220);
    }

    @Test
    void closesTheConnectionAfterTooManyFailedLogins() throws Exception {
        RawFtpControl guesser = connect(start(FtpServerLimits.defaults(), PassivePortRange.ANY));
        assertThat(guesser.reply().code()).isEqualTo(220);
        for (int attempt = 0; attempt < FtpServerLimits.defaults().maxLoginFailures(); attempt++) {
            assertThat(guesser.send("USER device").code()).isEqualTo(331);
            RawFtpControl.Reply refused = guesser.send("PASS guess" + attempt);
            assertThat(refused.code()).isEqualTo(530);
        }
        assertThat(guesser.awaitClose()).isTrue();
    }

    @Test
    void refusesAnonymousLoginsAboveTheirCapButStillAdmitsUploadUsers() throws Exception {
        InetSocketAddress address = start(FtpServerLimits.defaults().withCaps(10, 3, 1), PassivePortRange.ANY);
        connect(address).login("anonymous", "admin@R1");

        RawFtpControl second = connect(address);
        assertThat(second.reply().code()).isEqualTo(220);
        assertThat(second.send("USER anonymous").code()).isEqualTo(421);

        connect(address).login(DEVICE.name(), DEVICE.password());
    }

    @Test
    void refusesAnActiveDataConnectionToAnotherHost() throws Exception {
        RawFtpControl bouncer = connect(start(FtpServerLimits.defaults(), PassivePortRange.ANY));
        bouncer.login("anonymous", "x@y");
        // RFC 2577: a PORT naming a host other than the client is an FTP bounce attempt. Nothing is sent there.
        assertThat(bouncer.send("PORT 127,0,0,2,200,10").code()).isEqualTo(501);
        assertThat(bouncer.send("EPRT |1|127.0.0.2|51210|").code()).isEqualTo(501);
    }

    @Test
    void announcesPassivePortsFromTheConfiguredRangeOnTheBindAddress() throws Exception {
        int first;
        try (ServerSocket probe = new ServerSocket(0, 1, ImageRequests.LOOPBACK)) {
            first = Math.min(probe.getLocalPort(), 65535 - 20);
        }
        RawFtpControl control = connect(start(FtpServerLimits.defaults(), new PassivePortRange(first, first + 20)));
        control.login("anonymous", "x@y");
        for (int i = 0; i < 3; i++) {
            InetSocketAddress data = control.passive();
            assertThat(data.getAddress()).isEqualTo(ImageRequests.LOOPBACK);
            assertThat(data.getPort()).isBetween(first, first + 20);
        }
    }

    @Test
    void abortsADownloadWhoseClientStopsReadingAndKeepsServingOthers() throws Exception {
        byte[] image = content(48 * 1024 * 1024, 21);
        Files.write(root.resolve("big.bin"), image);
        InetSocketAddress address = start(shortIdle(), PassivePortRange.ANY);
        RawFtpControl stalling = connect(address);
        stalling.login("anonymous", "x@y");
        assertThat(stalling.send("TYPE I").code()).isEqualTo(200);
        InetSocketAddress data = stalling.passive();
        Socket neverRead = new Socket();
        opened.add(neverRead);
        neverRead.setReceiveBufferSize(4096);
        neverRead.connect(data, 5000);

        assertThat(stalling.send("RETR big.bin").code()).isEqualTo(150);
        assertThat(stalling.reply().code()).as("the stalled transfer is aborted").isEqualTo(426);

        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try {
            SinkBuffer sink = new SinkBuffer();
            new FtpClient(group).download(request(address, "big.bin", anonymous(), true), sink, TransferListener.NONE)
                    .get(60, TimeUnit.SECONDS);
            assertThat(sink.bytes()).isEqualTo(image);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void dropsAnUploadThatStallsAndLeavesNoFileBehind() throws Exception {
        RawFtpControl uploader = connect(start(shortIdle(), PassivePortRange.ANY));
        uploader.login(DEVICE.name(), DEVICE.password());
        assertThat(uploader.send("TYPE I").code()).isEqualTo(200);
        InetSocketAddress data = uploader.passive();
        Socket dataSocket = new Socket();
        opened.add(dataSocket);
        dataSocket.connect(data, 5000);

        assertThat(uploader.send("STOR upload/half.bin").code()).isEqualTo(150);
        OutputStream out = dataSocket.getOutputStream();
        out.write(content(100_000, 22));
        out.flush();

        assertThat(uploader.reply().code()).as("the stalled upload fails").isBetween(400, 599);
        assertThat(root.resolve("upload/half.bin")).doesNotExist();
        try (Stream<Path> files = Files.list(root.resolve("upload"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void twoStouUploadsAtOnceGetTwoNamesAndKeepBothFiles() throws Exception {
        InetSocketAddress address = start(FtpServerLimits.defaults(), PassivePortRange.ANY);
        Path upload = root.resolve(FtpImageServer.UPLOAD_FOLDER);
        List<String> names = new ArrayList<>();
        List<Socket> data = new ArrayList<>();
        List<RawFtpControl> uploaders = new ArrayList<>();
        try (WatchService created = FileSystems.getDefault().newWatchService()) {
            upload.register(created, StandardWatchEventKinds.ENTRY_CREATE);
            for (int i = 0; i < 2; i++) {
                RawFtpControl uploader = connect(address);
                uploaders.add(uploader);
                uploader.login(DEVICE.name(), DEVICE.password());
                assertThat(uploader.send("TYPE I").code()).isEqualTo(200);
                assertThat(uploader.send("CWD upload").code()).isEqualTo(250);
                Socket socket = new Socket();
                opened.add(socket);
                socket.connect(uploader.passive(), 5000);
                data.add(socket);
                // RFC 959: STOU stores under a name unique in the folder, which its 150 reply gives.
                RawFtpControl.Reply named = uploader.send("STOU");
                assertThat(named.code()).isEqualTo(150);
                names.add(named.text().substring(named.text().lastIndexOf(' ') + 1));
                // The first upload is under way (its file is open) before the second one asks for a name.
                WatchKey opens = created.poll(10, TimeUnit.SECONDS);
                assertThat(opens).as("upload %d opens its file", i).isNotNull();
                opens.pollEvents();
                opens.reset();
            }
        }
        assertThat(names.get(1)).as("the second STOU's name").isNotEqualTo(names.get(0));
        for (int i = 0; i < 2; i++) {
            data.get(i).getOutputStream().write(content(1000, 30 + i));
            data.get(i).close();
            assertThat(uploaders.get(i).reply().code()).isEqualTo(226);
            // The session's next command runs once the upload is in place.
            assertThat(uploaders.get(i).send("NOOP").code()).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(Files.readAllBytes(root.resolve(names.get(i).substring(1)))).isEqualTo(content(1000, 30 + i));
        }
    }

    @Test
    void answersNamesWithANulByteWithoutAStackTraceInTheLog() throws Exception {
        RawFtpControl client = connect(start(FtpServerLimits.defaults(), PassivePortRange.ANY));
        Logger mina = (Logger) LoggerFactory.getLogger("org.apache.ftpserver");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        mina.addAppender(lines);
        try {
            client.login("anonymous", "x@y");
            for (String command : List.of("STAT a\0b", "MLST a\0b", "SIZE a\0b", "CWD a\0b")) {
                assertThat(client.send(command).code()).as(command).isBetween(450, 599);
            }
            // MINA runs a session's commands in order: once NOOP is answered, the commands before it have ended.
            assertThat(client.send("NOOP").code()).isEqualTo(200);
        } finally {
            mina.detachAppender(lines);
        }
        synchronized (lines) {
            assertThat(lines.list).as("a client's bad name is not the server's error")
                    .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
        }
    }

    @Test
    void logsRequestedNamesWithoutTheirControlCharacters() throws Exception {
        RawFtpControl client = connect(start(FtpServerLimits.defaults(), PassivePortRange.ANY));
        try (LogLines lines = LogLines.of(TransferLogFtplet.class, Level.INFO)) {
            client.login("anonymous", "x@y");
            // MINA ends a command line at LF only: a lone CR stays in the name, and would rewrite the log line shown.
            assertThat(client.send("RETR absent.bin\r2026-12-05T07:00:00Z INFO admin logged in").code())
                    .isGreaterThanOrEqualTo(400);
            // MINA runs a session's commands in order: once NOOP is answered, RETR's log line is written.
            assertThat(client.send("NOOP").code()).isEqualTo(200);
            assertThat(lines.messages()).anyMatch(line -> line.contains("absent.bin"))
                    .noneMatch(line -> line.contains("\r") || line.contains("\n"));
        }
    }

    @Test
    void removesTemporaryUploadFilesAnEarlierRunLeftBehind() throws Exception {
        Path upload = Files.createDirectories(root.resolve(FtpImageServer.UPLOAD_FOLDER));
        Path leftover = Files.write(upload.resolve(".upload-123.part"), content(10, 1));
        Path kept = Files.write(upload.resolve("kept.bin"), content(10, 2));
        start(FtpServerLimits.defaults(), PassivePortRange.ANY);
        assertThat(leftover).doesNotExist();
        assertThat(kept).exists();
    }

    @Test
    void refusesChangesToServedFilesThatMinaWouldAllow() throws Exception {
        Path image = Files.write(root.resolve("c3900.bin"), content(1000, 23));
        FileTime before = Files.getLastModifiedTime(image);
        InetSocketAddress address = start(FtpServerLimits.defaults(), PassivePortRange.ANY);

        RawFtpControl anonymous = connect(address);
        anonymous.login("anonymous", "x@y");
        assertThat(anonymous.send("MFMT 20000101000000 c3900.bin").code()).as("MFMT").isGreaterThanOrEqualTo(400);

        RawFtpControl device = connect(address);
        device.login(DEVICE.name(), DEVICE.password());
        assertThat(device.send("RNFR c3900.bin").code()).isEqualTo(350);
        assertThat(device.send("RNTO upload/c3900.bin").code()).as("RNTO out of the read-only part")
                .isGreaterThanOrEqualTo(400);
        assertThat(device.send("DELE c3900.bin").code()).as("DELE").isGreaterThanOrEqualTo(400);

        assertThat(image).exists();
        assertThat(root.resolve("upload/c3900.bin")).doesNotExist();
        assertThat(Files.getLastModifiedTime(image)).isEqualTo(before);
    }
}
