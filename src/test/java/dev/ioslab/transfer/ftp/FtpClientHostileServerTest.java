package dev.ioslab.transfer.ftp;

import static dev.ioslab.transfer.ftp.FtpRequests.content;
import static dev.ioslab.transfer.ftp.FtpRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ioslab.transfer.Credentials;
import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.TransferSettings;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** The client against a server that lies, stalls, floods and hangs up: every case ends in bounded time. */
class FtpClientHostileServerTest {

    private static final Credentials LOGIN = new Credentials("device", "pw-never-logged");
    /** Short timeouts: each stall costs the test half a second. */
    private static final TransferSettings STALL = TransferSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMillis(500));
    private static NioEventLoopGroup group;
    private static FtpClient client;

    @BeforeAll
    static void startLoop() {
        group = new NioEventLoopGroup(1);
        client = new FtpClient(group);
    }

    @AfterAll
    static void stopLoop() throws Exception {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void reportsAMalformedGreetingAsAProtocolError() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.reply("hello, I am no FTP server");
            assertThat(d.closedByClient(d.control())).isTrue();
        })) {
            TransferException failure = downloadFailure(server, "x", new RecordingSink(), STALL);
            assertThat(failure.error()).isEqualTo(TransferError.PROTOCOL_ERROR);
            assertThat(failure.dataStarted()).isFalse();
            server.awaitScript();
        }
    }

    @Test
    void failsFastOnATenMegabyteReplyLine() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            byte[] flood = new byte[64 * 1024];
            Arrays.fill(flood, (byte) 'x');
            d.raw("220 ".getBytes(StandardCharsets.US_ASCII));
            try {
                for (int sent = 0; sent < 10 * 1024 * 1024; sent += flood.length) {
                    d.raw(flood);
                }
            } catch (IOException closedByTheClient) {
                // expected: the client gave up long before the end of the line
            }
            assertThat(d.closedByClient(d.control())).isTrue();
        })) {
            TransferException failure = downloadFailure(server, "x", new RecordingSink(), STALL);
            assertThat(failure.error()).isEqualTo(TransferError.PROTOCOL_ERROR);
            assertThat(failure.detail()).contains("longer than");
            server.awaitScript();
        }
    }

    @Test
    void reportsAnUnexpectedReplyAsAProtocolError() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.reply("220 hi");
            d.expect("USER");
            d.reply("230 no password needed");
            d.expect("TYPE I");
            d.reply("150 what?");
            assertThat(d.closedByClient(d.control())).isTrue();
        })) {
            assertThat(downloadFailure(server, "x", new RecordingSink(), STALL).error())
                    .isEqualTo(TransferError.PROTOCOL_ERROR);
            server.awaitScript();
        }
    }

    @Test
    void timesOutWhenTheServerStallsAfterPasv() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.login();
            d.expect("SIZE x");
            d.reply("550 no size");
            d.expect("EPSV");
            d.reply("502 EPSV not implemented");
            d.expect("PASV");
            assertThat(d.closedByClient(d.control())).isTrue();
        })) {
            TransferException failure = downloadFailure(server, "x", new RecordingSink(), STALL);
            assertThat(failure.error()).isEqualTo(TransferError.TIMED_OUT);
            assertThat(failure.dataStarted()).isFalse();
            server.awaitScript();
        }
    }

    @Test
    void timesOutWhenTheServerNeverOpensTheActiveDataConnection() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.login();
            d.expect("SIZE");
            d.reply("550 no size");
            d.expect("EPRT |1|127.0.0.1|");
            d.reply("200 EPRT ok");
            d.expect("RETR x");
            d.reply("150 opening, or so I say");
            assertThat(d.closedByClient(d.control())).isTrue();
        })) {
            TransferException failure = downloadFailure(server, "x", new RecordingSink(), STALL.withPassive(false));
            assertThat(failure.error()).isEqualTo(TransferError.TIMED_OUT);
            server.awaitScript();
        }
    }

    @Test
    void timesOutWhenTheDataStandsStill() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            Socket data = d.retrieving("213 1000", "RETR x");
            data.getOutputStream().write(new byte[10]);
            assertThat(d.closedByClient(data)).isTrue();
            assertThat(d.closedByClient(d.control())).isTrue();
        })) {
            TransferException failure = downloadFailure(server, "x", sink, STALL);
            sink.seal();
            assertThat(failure.error()).isEqualTo(TransferError.TIMED_OUT);
            assertThat(failure.dataStarted()).isTrue();
            assertThat(sink.bytes()).hasSize(10);
            server.awaitScript();
            assertThat(sink.callsAfterSeal).hasValue(0);
        }
    }

    @Test
    void reportsADataConnectionClosedBeforeTheAnnouncedSize() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            Socket data = d.retrieving("213 1000", "RETR");
            data.getOutputStream().write(new byte[400]);
            data.close();
            d.reply("226 all done (not really)");
            assertThat(d.closedByClient(d.control())).isTrue();
        })) {
            TransferException failure = downloadFailure(server, "x", sink, STALL);
            sink.seal();
            assertThat(failure.error()).isEqualTo(TransferError.CONNECTION_CLOSED);
            assertThat(failure.dataStarted()).isTrue();
            assertThat(failure.detail()).contains("400 bytes of 1000");
            assertThat(sink.bytes()).hasSize(400);
            server.awaitScript();
            assertThat(sink.callsAfterSeal).hasValue(0);
        }
    }

    @Test
    void refusesBytesBeyondTheAnnouncedSize() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            Socket data = d.retrieving("213 10", "RETR");
            data.getOutputStream().write(new byte[20]);
            assertThat(d.closedByClient(data)).isTrue();
        })) {
            TransferException failure = downloadFailure(server, "x", sink, STALL);
            sink.seal();
            assertThat(failure.error()).isEqualTo(TransferError.PROTOCOL_ERROR);
            assertThat(sink.bytes().length).isLessThanOrEqualTo(10);
            assertThat(sink.calls.get(0)).isEqualTo("size 10");
            server.awaitScript();
            assertThat(sink.callsAfterSeal).hasValue(0);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"552 Disk quota exceeded, REMOTE_FULL", "452 No space left, REMOTE_FULL",
            "553 Not allowed, PERMISSION_DENIED", "550 Cannot create, PERMISSION_DENIED",
            "451 Local error, REMOTE_ERROR", "421 Going away, CONNECTION_CLOSED"})
    void mapsStoreRefusals(String reply, TransferError expected) throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.login();
            Socket data = d.passive();
            d.expect("STOR up/x.bin");
            data.close();
            d.reply(reply);
            assertThat(d.closedByClient(d.control())).isTrue();
        })) {
            CompletableFuture<TransferResult> upload = client.upload(request(server.port(), "up/x.bin",
                    Optional.of(LOGIN), STALL), new ByteArraySource(content(100, 1)), TransferListener.NONE);
            TransferException failure = failureOf(upload);
            assertThat(failure.error()).isEqualTo(expected);
            assertThat(failure.dataStarted()).isFalse();
            assertThat(failure.detail()).contains(reply);
            server.awaitScript();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"550 No such file or directory, NO_SUCH_FILE", "550 Permission denied, PERMISSION_DENIED",
            "450 File busy, REMOTE_ERROR", "426 Connection closed; transfer aborted, CONNECTION_CLOSED"})
    void mapsRetrieveRefusals(String reply, TransferError expected) throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.login();
            d.expect("SIZE");
            d.reply("550 no");
            d.passive();
            d.expect("RETR");
            d.reply(reply);
            assertThat(d.closedByClient(d.control())).isTrue();
        })) {
            assertThat(downloadFailure(server, "x", new RecordingSink(), STALL).error()).isEqualTo(expected);
            server.awaitScript();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"421 Too many users, CONNECTION_CLOSED", "530 Not logged in, LOGIN_FAILED",
            "332 Need account, LOGIN_FAILED"})
    void mapsLoginRefusals(String reply, TransferError expected) throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.reply("220 hi");
            d.expect("USER device");
            d.reply("331 password please");
            d.expect("PASS pw-never-logged");
            d.reply(reply);
            assertThat(d.closedByClient(d.control())).isTrue();
        })) {
            assertThat(downloadFailure(server, "x", new RecordingSink(), STALL).error()).isEqualTo(expected);
            server.awaitScript();
        }
    }

    @Test
    void reportsADisconnectMidDownload() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            Socket data = d.retrieving("550 no size", "RETR");
            data.getOutputStream().write(new byte[100]);
            d.control().close();
            data.close();
        })) {
            TransferException failure = downloadFailure(server, "x", sink, STALL);
            sink.seal();
            assertThat(failure.error()).isEqualTo(TransferError.CONNECTION_CLOSED);
            assertThat(failure.dataStarted()).isTrue();
            server.awaitScript();
            assertThat(sink.callsAfterSeal).hasValue(0);
        }
    }

    @Test
    void reportsADisconnectMidUpload() throws Exception {
        ByteArraySource source = new ByteArraySource(content(4 * 1024 * 1024, 2));
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.login();
            Socket data = d.passive();
            d.expect("STOR");
            d.reply("150 send it");
            data.getInputStream().readNBytes(64 * 1024);
            d.control().close();
            data.close();
        })) {
            CompletableFuture<TransferResult> upload = client.upload(request(server.port(), "x", Optional.of(LOGIN),
                    STALL), source, TransferListener.NONE);
            TransferException failure = failureOf(upload);
            source.seal();
            assertThat(failure.error()).isEqualTo(TransferError.CONNECTION_CLOSED);
            assertThat(failure.dataStarted()).isTrue();
            server.awaitScript();
            assertThat(source.readsAfterSeal).hasValue(0);
        }
    }

    @Test
    void fallsBackToPasvAndConnectsToTheControlAddressNotTheAnnouncedOne() throws Exception {
        byte[] file = content(70_000, 3);
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.login();
            d.expect("SIZE /abs/x.bin");
            d.reply("213 " + file.length);
            d.expect("EPSV");
            d.reply("500 what is EPSV");
            ServerSocket listener = d.dataListener();
            d.expect("PASV");
            int port = listener.getLocalPort();
            // 127.0.0.2 is not where this server listens: connecting there would be refused.
            d.reply("227 Entering Passive Mode (127,0,0,2," + (port >> 8) + "," + (port & 0xff) + ")");
            Socket data = d.accept(listener);
            d.expect("RETR /abs/x.bin");
            d.reply("150 here it comes");
            data.getOutputStream().write(file);
            data.close();
            d.reply("226 done");
            d.expect("QUIT");
            d.reply("221 bye");
        })) {
            RecordingSink sink = new RecordingSink();
            TransferResult result = client.download(request(server.port(), "/abs/x.bin", Optional.of(LOGIN), STALL),
                    sink, TransferListener.NONE).get(10, TimeUnit.SECONDS);
            assertThat(sink.bytes()).isEqualTo(file);
            assertThat(result.bytes()).isEqualTo(file.length);
            server.awaitScript();
        }
    }

    @Test
    void fallsBackToPortWhenEprtIsUnknown() throws Exception {
        byte[] file = content(5000, 4);
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.login();
            d.expect("EPRT");
            d.reply("502 no EPRT here");
            String port = d.expect("PORT 127,0,0,1,");
            String[] numbers = port.substring("PORT ".length()).split(",");
            String eprtForm = "EPRT |1|127.0.0.1|"
                    + (Integer.parseInt(numbers[4]) * 256 + Integer.parseInt(numbers[5])) + "|";
            d.reply("200 PORT ok");
            d.expect("STOR dir/up.bin");
            d.reply("150 send it");
            Socket data = d.activeFromEprt(eprtForm);
            InputStream in = data.getInputStream();
            assertThat(in.readAllBytes()).isEqualTo(file);
            d.reply("226 stored");
            d.expect("QUIT");
        })) {
            TransferResult result = client.upload(request(server.port(), "dir/up.bin", Optional.of(LOGIN),
                    STALL.withPassive(false)), new ByteArraySource(file), TransferListener.NONE)
                    .get(10, TimeUnit.SECONDS);
            assertThat(result.bytes()).isEqualTo(file.length);
            server.awaitScript();
        }
    }

    @Test
    void refusesAnActiveDataConnectionFromAnotherHost() throws Exception {
        byte[] file = content(3000, 6);
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.login();
            d.expect("SIZE");
            d.reply("213 " + file.length);
            String eprt = d.expect("EPRT");
            d.reply("200 EPRT ok");
            d.expect("RETR");
            d.reply("150 here it comes");
            String[] parts = eprt.substring("EPRT ".length()).split("\\|");
            try (Socket intruder = new Socket(parts[2], Integer.parseInt(parts[3]),
                    InetAddress.getByName("127.0.0.2"), 0)) {
                intruder.setSoTimeout(ScriptedFtpServer.STEP_MILLIS);
                intruder.getOutputStream().write("forged bytes".getBytes(StandardCharsets.US_ASCII));
                assertThat(d.closedByClient(intruder)).isTrue();
            }
            Socket data = d.activeFromEprt(eprt);
            data.getOutputStream().write(file);
            data.close();
            d.reply("226 done");
            d.expect("QUIT");
        })) {
            RecordingSink sink = new RecordingSink();
            client.download(request(server.port(), "x", Optional.of(LOGIN), STALL.withPassive(false)), sink,
                    TransferListener.NONE).get(10, TimeUnit.SECONDS);
            assertThat(sink.bytes()).isEqualTo(file);
            server.awaitScript();
        }
    }

    @Test
    void reportsAServerThatRunsOutOfRoomMidUpload() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.login();
            Socket data = d.passive();
            d.expect("STOR");
            d.reply("150 send it");
            data.getInputStream().readNBytes(64 * 1024);
            data.close();
            d.reply("552 Disk full");
            assertThat(d.closedByClient(d.control())).isTrue();
        })) {
            TransferException failure = failureOf(client.upload(request(server.port(), "x", Optional.of(LOGIN),
                    STALL), new ByteArraySource(content(4 * 1024 * 1024, 5)), TransferListener.NONE));
            assertThat(failure.error()).isEqualTo(TransferError.REMOTE_FULL);
            assertThat(failure.dataStarted()).isTrue();
            server.awaitScript();
        }
    }

    @Test
    void waitsThrough120AndLogsInWithoutPasswordWhenTheServerSays230() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.reply("120 ready in a moment");
            d.reply("220-welcome");
            d.reply("220 really");
            d.expect("USER device");
            d.reply("230 no password needed");
            d.expect("TYPE I");
            d.reply("200 ok");
            d.expect("SIZE");
            d.reply("213 0");
            Socket data = d.passive();
            d.expect("RETR");
            d.reply("125 already open");
            data.close();
            d.reply("250 done");
            d.expect("QUIT");
            d.control().close();
        })) {
            TransferResult result = client.download(request(server.port(), "empty", Optional.of(LOGIN), STALL),
                    new RecordingSink(), TransferListener.NONE).get(10, TimeUnit.SECONDS);
            assertThat(result.bytes()).isZero();
            server.awaitScript();
        }
    }

    @Test
    void aServerRepeating120CannotHoldTheGreetingPastItsTimeout() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            // Each 120 comes well within the reply timeout: re-arming on every one would wait for ever.
            d.repeatUntilClosed("120 ready in a moment", STALL.replyTimeout().toMillis() / 5);
        })) {
            TransferException failure = downloadFailure(server, "x", new RecordingSink(), STALL);
            assertThat(failure.error()).isEqualTo(TransferError.TIMED_OUT);
            assertThat(failure.detail()).contains("greeting");
        }
    }

    @Test
    void preliminaryRepliesAfterTheDataCannotHoldOffTheFinalReplyTimeout() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            Socket data = d.retrieving("213 10", "RETR");
            data.getOutputStream().write(new byte[10]);
            data.close();
            // Never a 226, but a 1xx well within every reply timeout.
            d.repeatUntilClosed("150 still working", STALL.replyTimeout().toMillis() / 5);
        })) {
            TransferException failure = downloadFailure(server, "x", sink, STALL);
            assertThat(failure.error()).isEqualTo(TransferError.TIMED_OUT);
            assertThat(failure.detail()).contains("final reply");
        }
    }

    @Test
    void cancellingClosesTheControlAndDataConnections() throws Exception {
        RecordingSink sink = new RecordingSink();
        CompletableFuture<Boolean> bothClosed = new CompletableFuture<>();
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            Socket data = d.retrieving("213 100000", "RETR");
            data.getOutputStream().write(new byte[1000]);
            data.getOutputStream().flush();
            bothClosed.complete(d.closedByClient(data) && d.closedByClient(d.control()));
        })) {
            TransferSettings patient = STALL.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30),
                    Duration.ofSeconds(30));
            CompletableFuture<TransferResult> download = client.download(request(server.port(), "x",
                    Optional.of(LOGIN), patient), sink, TransferListener.NONE);
            assertThat(sink.firstWrite.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(download.cancel(true)).isTrue();
            sink.seal();

            assertThat(bothClosed.get(20, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(download::join).isInstanceOf(CancellationException.class);
            server.awaitScript();
            assertThat(sink.callsAfterSeal).hasValue(0);
        }
    }

    @Test
    void reportsARefusedConnection() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, FtpRequests.LOOPBACK)) {
            port = closed.getLocalPort();
        }
        TransferException failure = failureOf(client.download(request(port, "x", Optional.of(LOGIN), STALL),
                new RecordingSink(), TransferListener.NONE));
        assertThat(failure.error()).isEqualTo(TransferError.CONNECTION_REFUSED);
    }

    @Test
    void reportsAServerThatHangsUpBeforeReplying() throws Exception {
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.reply("220 hi");
            d.expect("USER");
            d.control().close();
        })) {
            assertThat(downloadFailure(server, "x", new RecordingSink(), STALL).error())
                    .isEqualTo(TransferError.CONNECTION_CLOSED);
            server.awaitScript();
        }
    }

    @Test
    void refusesAPathThatWouldSmuggleACommand() throws Exception {
        TransferException failure = failureOf(client.download(request(21, "x\r\nDELE y", Optional.of(LOGIN), STALL),
                new RecordingSink(), TransferListener.NONE));
        assertThat(failure.error()).isEqualTo(TransferError.NO_SUCH_FILE);
    }

    @Test
    void neverLogsThePasswordEvenAtTrace() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.ioslab.transfer.ftp");
        Level before = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.TRACE);
        try (ScriptedFtpServer server = new ScriptedFtpServer(d -> {
            d.reply("220 hi");
            d.expect("USER");
            d.reply("331 password please");
            d.expect("PASS");
            d.reply("530 wrong password pw-never-logged");
            assertThat(d.closedByClient(d.control())).isTrue();
        })) {
            TransferException failure = downloadFailure(server, "x", new RecordingSink(), STALL);
            server.awaitScript();
            assertThat(failure.error()).isEqualTo(TransferError.LOGIN_FAILED);
            assertThat(failure.getMessage()).doesNotContain("pw-never-logged").contains("wrong password *");
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(message -> message.contains("PASS *"))
                    .noneMatch(message -> message.contains("pw-never-logged"));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }

    private static TransferException downloadFailure(ScriptedFtpServer server, String path, RecordingSink sink,
                                                     TransferSettings settings) {
        return failureOf(client.download(request(server.port(), path, Optional.of(LOGIN), settings), sink,
                TransferListener.NONE));
    }

    private static TransferException failureOf(CompletableFuture<TransferResult> transfer) {
        try {
            TransferResult result = transfer.get(15, TimeUnit.SECONDS);
            throw new AssertionError("the transfer succeeded: " + result);
        } catch (ExecutionException failed) {
            assertThat(failed.getCause()).isInstanceOf(TransferException.class);
            return (TransferException) failed.getCause();
        } catch (Exception other) {
            throw new AssertionError("the transfer did not fail in time", other);
        }
    }
}
