package dev.ioslab.transfer.tftp;

import static dev.ioslab.transfer.tftp.ScriptedPeer.data;
import static dev.ioslab.transfer.tftp.TftpTestRequests.content;
import static dev.ioslab.transfer.tftp.TftpTestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.TransferSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The client against scripted servers that misbehave, or behave in ways tftpd-hpa never shows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TftpClientProtocolTest {

    private EventLoopGroup group;

    private ScriptedPeer listen;
    private ScriptedPeer transfer;
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
    void openSockets() throws IOException {
        listen = new ScriptedPeer();
        transfer = new ScriptedPeer();
        client = new TftpClient(group);
    }

    @AfterEach
    void closeSockets() {
        listen.close();
        transfer.close();
    }

    /** Two-second reply timeout: the scripts never wait for a retransmission unless they mean to. */
    private static TransferSettings patient() {
        return TransferSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(20));
    }

    private CompletableFuture<TransferResult> download(TransferSettings settings, MemorySink sink) {
        return client.download(request(listen.address(), "image.bin", settings), sink, TransferListener.NONE);
    }

    /** Receives the RRQ on the request port and returns the client's address. */
    private InetSocketAddress awaitRequest(Class<? extends TftpPacket> kind) throws IOException {
        assertThat(listen.receive()).isInstanceOf(kind);
        return listen.lastSender();
    }

    @Test
    void answersAStrangerWithUnknownTransferIdAndCarriesOn() throws Exception {
        byte[] image = content(700, 1);
        MemorySink sink = new MemorySink();
        CompletableFuture<TransferResult> result = download(patient(), sink);
        InetSocketAddress clientAddress = awaitRequest(TftpPacket.ReadRequest.class);

        acknowledged(1, image, 0, 512, clientAddress);
        try (ScriptedPeer stranger = new ScriptedPeer()) {
            stranger.send(data(2, new byte[10], 0, 10), clientAddress);
            assertThat(stranger.receive()).isInstanceOfSatisfying(TftpPacket.Error.class,
                    error -> assertThat(error.code()).isEqualTo(TftpErrorCode.UNKNOWN_TRANSFER_ID));
        }
        acknowledged(2, image, 512, 188, clientAddress);

        assertThat(result.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(700);
        assertThat(sink.bytes()).isEqualTo(image);
    }

    /**
     * Later in the transfer (on epoll the client's socket is connected to the server's transfer ID by then, and a
     * second socket on its port hears everyone else): strangers still get ERROR 5, an ERROR from a stranger gets no
     * reply, and neither disturbs the transfer.
     */
    @Test
    void answersStrangersLaterInTheTransferAndCarriesOn() throws Exception {
        byte[] image = content(1300, 2);
        MemorySink sink = new MemorySink();
        CompletableFuture<TransferResult> result = download(patient(), sink);
        InetSocketAddress clientAddress = awaitRequest(TftpPacket.ReadRequest.class);

        acknowledged(1, image, 0, 512, clientAddress);
        acknowledged(2, image, 512, 512, clientAddress);
        try (ScriptedPeer stranger = new ScriptedPeer()) {
            stranger.send(TftpPacket.Error.of(TftpErrorCode.UNKNOWN_TRANSFER_ID), clientAddress);
            stranger.send(data(3, new byte[10], 0, 10), clientAddress);
            assertThat(stranger.receive()).isInstanceOfSatisfying(TftpPacket.Error.class,
                    error -> assertThat(error.code()).isEqualTo(TftpErrorCode.UNKNOWN_TRANSFER_ID));
            assertThat(stranger.lastSender()).isEqualTo(clientAddress);
            assertThat(stranger.receiveWithin(200)).isNull();
        }
        acknowledged(3, image, 1024, 276, clientAddress);

        assertThat(result.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(1300);
        assertThat(sink.bytes()).isEqualTo(image);
    }

    /**
     * The server's transfer port closes for a moment: the client's retransmitted ACK meets a closed port, and on epoll
     * its socket, connected to that port by then, hears the ICMP port unreachable. Only the retransmission clock may
     * end a transfer, so when the port opens again the transfer carries on.
     */
    @Test
    void serverPortClosedForAMomentDoesNotEndTheTransfer() throws Exception {
        Assumptions.assumeTrue(UdpNoPorts.readable(), "needs /proc/net/snmp to see the ACK reach the closed port");
        byte[] image = content(700, 3);
        MemorySink sink = new MemorySink();
        CompletableFuture<TransferResult> result = download(TransferSettings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(20)), sink);
        InetSocketAddress clientAddress = awaitRequest(TftpPacket.ReadRequest.class);
        acknowledged(1, image, 0, 512, clientAddress);

        int port = transfer.address().getPort();
        long before = UdpNoPorts.count();
        transfer.close();
        UdpNoPorts.awaitAbove(before, Duration.ofSeconds(5));
        transfer = new ScriptedPeer(port);
        assertThat(transfer.receive()).as("ACK 1 retransmitted").isEqualTo(new TftpPacket.Ack(1));
        acknowledged(2, image, 512, 188, clientAddress);

        assertThat(result.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(700);
        assertThat(sink.bytes()).isEqualTo(image);
    }

    @Test
    void refusesAnOackCarryingAnOptionNeverAskedFor() throws Exception {
        CompletableFuture<TransferResult> result = download(patient().withBlockSize(1468), new MemorySink());
        InetSocketAddress clientAddress = awaitRequest(TftpPacket.ReadRequest.class);

        transfer.send(new TftpPacket.OptionAck(Map.of("blksize", "1468", "multicast", "1")), clientAddress);

        assertOptionRefused(result);
    }

    @Test
    void refusesAnOackBlockSizeAboveTheOneAskedFor() throws Exception {
        CompletableFuture<TransferResult> result = download(patient().withBlockSize(1468), new MemorySink());
        InetSocketAddress clientAddress = awaitRequest(TftpPacket.ReadRequest.class);

        transfer.send(new TftpPacket.OptionAck(Map.of("blksize", "9000")), clientAddress);

        assertOptionRefused(result);
    }

    private void assertOptionRefused(CompletableFuture<TransferResult> result) throws IOException {
        assertThat(transfer.receive()).isInstanceOfSatisfying(TftpPacket.Error.class,
                error -> assertThat(error.code()).isEqualTo(TftpErrorCode.OPTION_REFUSED));
        assertFailure(result, TransferError.PROTOCOL_ERROR, false);
    }

    @Test
    void refusesATransferWhoseAnnouncedSizeDoesNotFit() throws Exception {
        IOException full = new IOException("Not enough space on device");
        MemorySink sink = new MemorySink() {
            @Override
            public void expectSize(long size) throws IOException {
                throw full;
            }
        };
        CompletableFuture<TransferResult> result = download(patient(), sink);
        assertThat(listen.receive()).isInstanceOfSatisfying(TftpPacket.ReadRequest.class,
                rrq -> assertThat(rrq.options()).containsEntry("tsize", "0"));
        InetSocketAddress clientAddress = listen.lastSender();

        transfer.send(new TftpPacket.OptionAck(Map.of("tsize", "1000000000000")), clientAddress);

        assertThat(transfer.receive()).isInstanceOfSatisfying(TftpPacket.Error.class,
                error -> assertThat(error.code()).isEqualTo(TftpErrorCode.DISK_FULL));
        assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).cause().isSameAs(full);
        assertThat(sink.writes()).isZero();
    }

    @Test
    void serverErrorMidTransferFailsWithTheServersWords() throws Exception {
        byte[] image = content(2048, 2);
        CompletableFuture<TransferResult> result = download(patient(), new MemorySink());
        InetSocketAddress clientAddress = awaitRequest(TftpPacket.ReadRequest.class);
        acknowledged(1, image, 0, 512, clientAddress);

        transfer.send(new TftpPacket.Error(TftpErrorCode.NOT_DEFINED, "image withdrawn"), clientAddress);

        TransferException failure = assertFailure(result, TransferError.REMOTE_ERROR, true);
        assertThat(failure.detail()).contains("image withdrawn");
    }

    @Test
    void repeatedDataIsAcknowledgedAgainButWrittenOnce() throws Exception {
        byte[] image = content(600, 3);
        MemorySink sink = new MemorySink();
        CompletableFuture<TransferResult> result = download(patient(), sink);
        InetSocketAddress clientAddress = awaitRequest(TftpPacket.ReadRequest.class);

        acknowledged(1, image, 0, 512, clientAddress);
        acknowledged(1, image, 0, 512, clientAddress);
        acknowledged(2, image, 512, 88, clientAddress);
        // RFC 1350 section 6: the last block repeated (our ACK lost) is acknowledged again while the socket dallies.
        acknowledged(2, image, 512, 88, clientAddress);

        assertThat(result.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(600);
        assertThat(sink.bytes()).as("every byte once").isEqualTo(image);
    }

    @Test
    void lockStepDownloadAnswersEveryBlockWithExactlyOneAck() throws Exception {
        byte[] image = content(4 * 512 + 20, 8);
        MemorySink sink = new MemorySink();
        CompletableFuture<TransferResult> result = download(patient(), sink);
        assertThat(listen.receive()).isInstanceOfSatisfying(TftpPacket.ReadRequest.class,
                rrq -> assertThat(rrq.options()).containsEntry("tsize", "0"));
        InetSocketAddress clientAddress = listen.lastSender();

        transfer.send(new TftpPacket.OptionAck(Map.of("tsize", String.valueOf(image.length))), clientAddress);
        assertThat(transfer.receive()).as("RFC 2347: ACK 0 for the OACK").isEqualTo(new TftpPacket.Ack(0));
        // Blocks 1 and 2 wait together in the client's socket: each is read and acknowledged once, in order.
        transfer.send(data(1, image, 0, 512), clientAddress);
        transfer.send(data(2, image, 512, 512), clientAddress);
        assertThat(transfer.receive()).isEqualTo(new TftpPacket.Ack(1));
        assertThat(transfer.receive()).isEqualTo(new TftpPacket.Ack(2));
        for (int block = 3; block <= 4; block++) {
            transfer.send(data(block, image, (block - 1) * 512, 512), clientAddress);
            assertThat(transfer.receive()).isEqualTo(new TftpPacket.Ack(block));
        }
        transfer.send(data(5, image, 4 * 512, 20), clientAddress);
        assertThat(transfer.receive()).isEqualTo(new TftpPacket.Ack(5));

        assertThat(result.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(image.length);
        assertThat(sink.bytes()).isEqualTo(image);
        // RFC 1350: a duplicate ACK makes tftpd-hpa resend the block; none may follow, not even during the dally.
        assertThat(transfer.receiveWithin(300)).as("no second ACK of any block").isNull();
    }

    @Test
    void repeatedAckNeverResendsData() throws Exception {
        byte[] config = content(1300, 4);
        CompletableFuture<TransferResult> result = client.upload(request(listen.address(), "r1-confg", patient()),
                new BytesSource(config), TransferListener.NONE);
        assertThat(listen.receive()).isInstanceOfSatisfying(TftpPacket.WriteRequest.class,
                wrq -> assertThat(wrq.options()).containsEntry("tsize", "1300"));
        InetSocketAddress clientAddress = listen.lastSender();

        transfer.send(new TftpPacket.Ack(0), clientAddress);
        assertThat(transfer.receive()).isInstanceOfSatisfying(TftpPacket.Data.class,
                block -> assertThat(block.block()).isEqualTo(1));
        transfer.send(new TftpPacket.Ack(1), clientAddress);
        transfer.send(new TftpPacket.Ack(1), clientAddress);
        assertThat(transfer.receive()).isInstanceOfSatisfying(TftpPacket.Data.class,
                block -> assertThat(block.block()).isEqualTo(2));
        transfer.send(new TftpPacket.Ack(2), clientAddress);
        // With the Sorcerer's Apprentice syndrome a second DATA 2 would come before DATA 3.
        assertThat(transfer.receive()).isInstanceOfSatisfying(TftpPacket.Data.class, block -> {
            assertThat(block.block()).isEqualTo(3);
            assertThat(block.content().readableBytes()).isEqualTo(1300 - 1024);
        });
        transfer.send(new TftpPacket.Ack(3), clientAddress);

        assertThat(result.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(1300);
    }

    @Test
    void windowedDownloadAcknowledgesEachWindowAndRestartsAfterAGap() throws Exception {
        byte[] image = content(8 * 512 + 100, 5);
        MemorySink sink = new MemorySink();
        CompletableFuture<TransferResult> result = download(patient().withWindowSize(4), sink);
        assertThat(listen.receive()).isInstanceOfSatisfying(TftpPacket.ReadRequest.class,
                rrq -> assertThat(rrq.options()).containsEntry("windowsize", "4"));
        InetSocketAddress clientAddress = listen.lastSender();

        transfer.send(new TftpPacket.OptionAck(Map.of("windowsize", "4")), clientAddress);
        assertThat(transfer.receive()).isEqualTo(new TftpPacket.Ack(0));
        for (int block = 1; block <= 4; block++) {
            transfer.send(data(block, image, (block - 1) * 512, 512), clientAddress);
        }
        assertThat(transfer.receive()).as("one ACK per window").isEqualTo(new TftpPacket.Ack(4));
        for (int block : new int[] {5, 7, 8}) {
            transfer.send(data(block, image, (block - 1) * 512, 512), clientAddress);
        }
        assertThat(transfer.receive()).as("RFC 7440: the last block in order").isEqualTo(new TftpPacket.Ack(5));
        for (int block = 6; block <= 8; block++) {
            transfer.send(data(block, image, (block - 1) * 512, 512), clientAddress);
        }
        transfer.send(data(9, image, 8 * 512, 100), clientAddress);
        assertThat(transfer.receive()).isEqualTo(new TftpPacket.Ack(9));

        assertThat(result.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(image.length);
        assertThat(sink.bytes()).isEqualTo(image);
    }

    @Test
    void askedWindowFallsBackToLockStepWhenTheServerIgnoresIt() throws Exception {
        byte[] image = content(1024 + 5, 6);
        MemorySink sink = new MemorySink();
        CompletableFuture<TransferResult> result = download(patient().withWindowSize(8), sink);
        InetSocketAddress clientAddress = awaitRequest(TftpPacket.ReadRequest.class);

        acknowledged(1, image, 0, 512, clientAddress);
        acknowledged(2, image, 512, 512, clientAddress);
        acknowledged(3, image, 1024, 5, clientAddress);

        assertThat(result.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(image.length);
        assertThat(sink.bytes()).isEqualTo(image);
    }

    @Test
    void windowedUploadRestartsTheWindowAfterTheAcknowledgedBlock() throws Exception {
        byte[] config = content(5 * 512 + 10, 7);
        CompletableFuture<TransferResult> result = client.upload(request(listen.address(), "up.bin",
                patient().withWindowSize(3)), new BytesSource(config), TransferListener.NONE);
        InetSocketAddress clientAddress = awaitRequest(TftpPacket.WriteRequest.class);

        transfer.send(new TftpPacket.OptionAck(Map.of("windowsize", "3", "tsize", "2570")), clientAddress);
        assertBlocks(1, 2, 3);
        // Block 3 "lost": the receiver acknowledges 2 and the window restarts at 3.
        transfer.send(new TftpPacket.Ack(2), clientAddress);
        assertBlocks(3, 4, 5);
        transfer.send(new TftpPacket.Ack(5), clientAddress);
        assertBlocks(6);
        transfer.send(new TftpPacket.Ack(6), clientAddress);

        assertThat(result.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(config.length);
    }

    private void assertBlocks(int... blocks) throws IOException {
        for (int block : blocks) {
            assertThat(transfer.receive()).isInstanceOfSatisfying(TftpPacket.Data.class,
                    data -> assertThat(data.block()).isEqualTo(block));
        }
    }

    @Test
    void silentServerTimesOutAfterTheRetries() throws Exception {
        TransferSettings settings = TransferSettings.defaults().withTimeouts(Duration.ofSeconds(1),
                Duration.ofMillis(50), Duration.ofSeconds(10));
        CompletableFuture<TransferResult> result = download(settings, new MemorySink());
        TransferException failure = assertFailure(result, TransferError.TIMED_OUT, false);
        assertThat(failure.detail()).contains("5 retransmissions");
        int requests = 0;
        while (listen.receiveWithin(200) != null) {
            requests++;
        }
        assertThat(requests).as("the RRQ and its 5 retransmissions").isEqualTo(6);
    }

    @Test
    void malformedReplyIsAProtocolError() throws Exception {
        CompletableFuture<TransferResult> result = download(patient(), new MemorySink());
        InetSocketAddress clientAddress = awaitRequest(TftpPacket.ReadRequest.class);
        transfer.sendRaw(new byte[] {0, 9, 0, 1}, clientAddress);
        assertThat(transfer.receive()).isInstanceOfSatisfying(TftpPacket.Error.class,
                error -> assertThat(error.code()).isEqualTo(TftpErrorCode.ILLEGAL_OPERATION));
        assertFailure(result, TransferError.PROTOCOL_ERROR, false);
    }

    @Test
    void cancellingMidTransferClosesTheSocketAndStopsTheSink() throws Exception {
        byte[] image = content(3 * 32768, 8);
        CountDownLatch firstWrite = new CountDownLatch(1);
        MemorySink sink = new MemorySink() {
            @Override
            public synchronized void write(ByteBuffer buffer) throws IOException {
                super.write(buffer);
                firstWrite.countDown();
            }
        };
        // Blocks this large go to the sink one by one (small ones are gathered first).
        CompletableFuture<TransferResult> result = download(patient().withBlockSize(32768), sink);
        InetSocketAddress clientAddress = awaitRequest(TftpPacket.ReadRequest.class);
        transfer.send(new TftpPacket.OptionAck(Map.of("blksize", "32768")), clientAddress);
        assertThat(transfer.receive()).isEqualTo(new TftpPacket.Ack(0));
        transfer.send(data(1, image, 0, 32768), clientAddress);
        assertThat(firstWrite.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(transfer.receive()).isEqualTo(new TftpPacket.Ack(1));

        assertThat(result.cancel(true)).isTrue();

        assertSocketClosed(clientAddress, data(2, image, 32768, 32768));
        assertThat(sink.writes()).isEqualTo(1);
    }

    /**
     * Once the caller has cancelled, the listener hears nothing more: a progress report arriving after the future
     * completed would print marks after the copy's abort message. Here 512 bytes are received but not yet reported
     * (reports come per 4 KiB) when the transfer is cancelled.
     */
    @Test
    void cancelledDownloadReportsNoProgressAfterItsFutureCompletes() throws Exception {
        byte[] image = content(3 * 512, 9);
        CompletableFuture<CompletableFuture<TransferResult>> transferFuture = new CompletableFuture<>();
        List<Long> lateReports = new CopyOnWriteArrayList<>();
        TransferListener listener = new TransferListener() {
            @Override
            public void progress(long totalBytes) {
                if (transferFuture.join().isDone()) {
                    lateReports.add(totalBytes);
                }
            }
        };
        CompletableFuture<TransferResult> result = client.download(request(listen.address(), "image.bin", patient()),
                new MemorySink(), listener);
        transferFuture.complete(result);
        InetSocketAddress clientAddress = awaitRequest(TftpPacket.ReadRequest.class);
        acknowledged(1, image, 0, 512, clientAddress);

        assertThat(result.cancel(true)).isTrue();

        // The cancel queued the socket's close on the loop, and the close queues the end of the session: once two
        // tasks queued one after the other have run, both have.
        group.next().submit(() -> null).get(5, TimeUnit.SECONDS);
        group.next().submit(() -> null).get(5, TimeUnit.SECONDS);
        assertThat(lateReports).as("progress reports after the cancel").isEmpty();
    }

    /** Sends to the client's port from a connected socket until the kernel reports it closed (ICMP unreachable). */
    private static void assertSocketClosed(InetSocketAddress clientAddress, TftpPacket.Data probe) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(clientAddress.getAddress(), 0))) {
            socket.connect(clientAddress);
            socket.setSoTimeout(100);
            ByteBuf wire = TftpCodec.encode(probe, ByteBufAllocator.DEFAULT);
            byte[] bytes = new byte[wire.readableBytes()];
            wire.readBytes(bytes);
            wire.release();
            for (int attempt = 0; attempt < 50; attempt++) {
                socket.send(new DatagramPacket(bytes, bytes.length));
                try {
                    socket.receive(new DatagramPacket(new byte[600], 600));
                } catch (PortUnreachableException closed) {
                    return;
                } catch (SocketTimeoutException stillOpen) {
                    // the close is on its way through the event loop
                }
            }
        }
        throw new AssertionError("the client's socket " + clientAddress + " is still open");
    }

    private static TransferException assertFailure(CompletableFuture<TransferResult> result, TransferError error,
                                                   boolean dataStarted) {
        try {
            result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            assertThat(failed.getCause()).isInstanceOf(TransferException.class);
            TransferException failure = (TransferException) failed.getCause();
            assertThat(failure.error()).as(failure.getMessage()).isEqualTo(error);
            assertThat(failure.dataStarted()).isEqualTo(dataStarted);
            return failure;
        } catch (Exception other) {
            throw new AssertionError(other);
        }
        throw new AssertionError("the transfer succeeded");
    }

    /** Sends DATA {@code block} ({@code length} bytes of {@code image} from {@code offset}) and expects its ACK. */
    private void acknowledged(int block, byte[] image, int offset, int length, InetSocketAddress client)
            throws Exception {
        transfer.send(data(block, image, offset, length), client);
        assertThat(transfer.receive()).isEqualTo(new TftpPacket.Ack(block));
    }
}
