package dev.ioslab.transfer.tftp;

import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferRequest;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.TransferSink;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A download: RRQ, optional OACK (RFC 2347), then DATA blocks acknowledged one by one or per window (RFC 7440) until
 * a short block. Duplicates are acknowledged again but never written; a gap in a window is answered by acknowledging
 * the last block received in order (RFC 7440 section 4), once per gap.
 *
 * <p>Threading: the channel's event loop only (see {@link TftpClientSession}).
 */
final class TftpReceiveSession extends TftpClientSession {

    /** The steps of a download. */
    enum State {
        /** RRQ sent, waiting for OACK, DATA 1 or ERROR. */
        REQUESTING,
        /** Blocks are coming. */
        RECEIVING,
        /** Last block acknowledged and the future completed; re-acknowledging a retransmitted last block. */
        DALLYING
    }

    /** Longest the socket lingers after the last ACK, to re-acknowledge a last block whose ACK was lost. */
    private static final Duration MAX_DALLY = Duration.ofSeconds(3);
    /**
     * Bytes between two progress reports: the listener hears of every few small blocks rather than each one (IOS's
     * marks come per ten packets), and of every large block.
     */
    private static final long PROGRESS_STEP = 4 << 10;

    private final TransferSink sink;
    private CoalescingSink coalescing;
    private final TftpOptionRequest options;
    private State state = State.REQUESTING;
    private int blockSize = 512;
    private int windowSize = 1;
    /** The next block expected, counted without rollover; the wire carries its low 16 bits. */
    private long nextBlock = 1;
    /** Blocks received in order since the last ACK sent. */
    private int sinceAck;
    /** Whether the current gap or duplicate run has been answered already (one ACK per gap, RFC 7440). */
    private boolean strayAnswered;
    private long bytes;
    /** Bytes last passed to {@link TransferListener#progress}. */
    private long reported;

    TftpReceiveSession(TransferRequest request, TransferSink sink, TransferListener listener,
                       CompletableFuture<TransferResult> result, TftpOptionRequest options) {
        super(request, listener, result);
        this.sink = sink;
        this.options = options;
    }

    @Override
    protected void start() {
        sendRequest();
        timer.restart();
    }

    private void sendRequest() {
        send(new TftpPacket.ReadRequest(request.url().path(), TftpMode.OCTET, options.toWire()));
    }

    @Override
    protected void onPacket(TftpPacket packet) {
        switch (state) {
            case REQUESTING -> whileRequesting(packet);
            case RECEIVING -> whileReceiving(packet);
            case DALLYING -> {
                // Only a repeated last block (see onData) is answered now.
            }
        }
    }

    @Override
    protected void onData(int block, ByteBuf content) {
        switch (state) {
            case REQUESTING -> {
                if (block != 1) {
                    illegal("first DATA is block " + block + ", not 1");
                    return;
                }
                begin(TftpOptionRequest.PLAIN);
                receive(block, content);
            }
            case RECEIVING -> receive(block, content);
            case DALLYING -> {
                if (block == lastInOrder()) {
                    // RFC 1350 section 6: the final ACK was lost; the server is repeating the last block.
                    acknowledgeLast();
                }
            }
        }
    }

    @Override
    public void retransmit() {
        if (state == State.REQUESTING) {
            sendRequest();
        } else {
            acknowledgeLast();
        }
    }

    private void whileRequesting(TftpPacket packet) {
        if (packet instanceof TftpPacket.OptionAck oack) {
            TftpNegotiation negotiation = options.check(oack.options());
            if (negotiation instanceof TftpNegotiation.Refused refused) {
                fail(new TftpPacket.Error(TftpErrorCode.OPTION_REFUSED, refused.reason()),
                        new TransferException(TransferError.PROTOCOL_ERROR,
                                false, refused.reason()));
                return;
            }
            TftpNegotiation.Granted granted = (TftpNegotiation.Granted) negotiation;
            if (granted.transferSize().isPresent() && !announceSize(granted.transferSize().getAsLong())) {
                return;
            }
            begin(granted);
            // RFC 2347: the client acknowledges an OACK with ACK 0.
            acknowledgeLast();
            timer.restart();
        } else if (packet instanceof TftpPacket.Error error) {
            serverError(error);
        } else {
            illegal("unexpected " + packet.opcode() + " in answer to RRQ");
        }
    }

    /** RFC 2349: the sink hears the size before any byte; if it refuses, the server hears ERROR 3. */
    private boolean announceSize(long size) {
        if (!active()) {
            return false;
        }
        try {
            sink.expectSize(size);
            return true;
        } catch (Exception refused) {
            localFailure(TftpErrorCode.DISK_FULL, TftpErrorCode.DISK_FULL.text(), refused);
            return false;
        }
    }

    private void begin(TftpNegotiation.Granted granted) {
        blockSize = granted.blockSize();
        windowSize = granted.windowSize();
        state = State.RECEIVING;
        listener.started(peer());
    }

    /** Packets other than DATA (which comes through {@link #onData}) while blocks are coming. */
    private void whileReceiving(TftpPacket packet) {
        if (packet instanceof TftpPacket.Error error) {
            serverError(error);
        } else if (packet instanceof TftpPacket.OptionAck) {
            if (nextBlock == 1) {
                // Our ACK 0 was lost and the server repeats its OACK.
                acknowledgeLast();
            }
        } else {
            illegal("unexpected " + packet.opcode() + " during the data phase");
        }
    }

    private void receive(int block, ByteBuf content) {
        int length = content.readableBytes();
        if (length > blockSize) {
            illegal("DATA of " + length + " bytes is above the block size " + blockSize);
            return;
        }
        int distance = (block - (int) nextBlock) & 0xFFFF;
        if (distance == 0) {
            inOrder(content, length);
        } else if (distance < 0x8000) {
            // RFC 7440 section 4: a block is missing; acknowledging the last one in order restarts the window there.
            if (!strayAnswered) {
                strayAnswered = true;
                acknowledgeLast();
            }
        } else if (windowSize == 1 ? block == lastInOrder() : !strayAnswered) {
            // RFC 1350: a repeated block means our ACK was lost; acknowledge again, never write again.
            strayAnswered = windowSize > 1;
            acknowledgeLast();
        }
    }

    private void inOrder(ByteBuf content, int length) {
        if (!active()) {
            return;
        }
        boolean last = length < blockSize;
        nextBlock++;
        sinceAck++;
        if (!last && sinceAck >= windowSize) {
            // Acknowledge before writing, so the server's next block travels while the sink writes this one. The last
            // block is written first: its ACK tells the server the file arrived.
            acknowledgeLast();
        }
        try {
            if (coalescing == null) {
                coalescing = new CoalescingSink(sink, channel.alloc());
            }
            if (length > 0) {
                coalescing.write(content);
            }
            if (last) {
                coalescing.flush();
            }
        } catch (Exception failure) {
            localFailure(TftpErrorCode.DISK_FULL, "Local write failed", failure);
            return;
        }
        dataStarted = true;
        strayAnswered = false;
        bytes += length;
        if (last || bytes - reported >= PROGRESS_STEP) {
            reportProgress();
        }
        if (last) {
            acknowledgeLast();
            state = State.DALLYING;
            // RFC 1350 section 6: linger for the server's retransmissions of the last block (its clock is about our
            // reply timeout, the timeout option we sent); the future completes now all the same.
            Duration dally = request.settings().replyTimeout().multipliedBy(2);
            succeed(bytes, dally.compareTo(MAX_DALLY) < 0 ? dally : MAX_DALLY);
        } else {
            timer.restart();
        }
    }

    private void reportProgress() {
        reported = bytes;
        listener.progress(bytes);
    }

    @Override
    protected void release() {
        if (reported != bytes && !result.isDone()) {
            // A transfer that fails part-way still reports every byte received in order before its future
            // completes; one the caller cancelled reports nothing more (its caller has moved on).
            reportProgress();
        }
        if (coalescing != null) {
            coalescing.release();
        }
    }

    private int lastInOrder() {
        return (int) (nextBlock - 1) & 0xFFFF;
    }

    private void acknowledgeLast() {
        sinceAck = 0;
        sendAck(lastInOrder());
    }
}
