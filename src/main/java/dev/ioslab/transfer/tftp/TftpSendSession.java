package dev.ioslab.transfer.tftp;

import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferRequest;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.TransferSource;
import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * An upload: WRQ, ACK 0 or OACK (RFC 2347), then DATA blocks, one at a time or a window at a time (RFC 7440), until
 * the short last block is acknowledged. A repeated ACK never causes a resend in lock-step (the Sorcerer's Apprentice
 * syndrome, RFC 1350 errata / RFC 1123 section 4.2.3.1); in a window, an ACK short of the window's end restarts the
 * window after it, once per block (RFC 7440 section 4). Blocks stay buffered until acknowledged.
 *
 * <p>Threading: the channel's event loop only (see {@link TftpClientSession}).
 */
final class TftpSendSession extends TftpClientSession {

    /** The steps of an upload. */
    enum State {
        /** WRQ sent, waiting for ACK 0, OACK or ERROR. */
        REQUESTING,
        /** Blocks are going out. */
        SENDING
    }

    /** Reads returning 0 in a row before the source is taken as stuck (its contract is -1 at the end). */
    private static final int MAX_IDLE_READS = 16;

    private final TransferSource source;
    private final TftpOptionRequest options;
    private State state = State.REQUESTING;
    private TftpSendWindow window;

    TftpSendSession(TransferRequest request, TransferSource source, TransferListener listener,
                    CompletableFuture<TransferResult> result, TftpOptionRequest options) {
        super(request, listener, result);
        this.source = source;
        this.options = options;
    }

    @Override
    protected void start() {
        sendRequest();
        timer.restart();
    }

    private void sendRequest() {
        send(new TftpPacket.WriteRequest(request.url().path(), TftpMode.OCTET, options.toWire()));
    }

    @Override
    protected void onPacket(TftpPacket packet) {
        switch (state) {
            case REQUESTING -> whileRequesting(packet);
            case SENDING -> whileSending(packet);
        }
    }

    @Override
    public void retransmit() {
        if (state == State.REQUESTING) {
            sendRequest();
        } else {
            resendWindow();
        }
    }

    private void whileRequesting(TftpPacket packet) {
        if (packet instanceof TftpPacket.Ack ack && ack.block() == 0) {
            begin(TftpOptionRequest.PLAIN);
        } else if (packet instanceof TftpPacket.OptionAck oack) {
            TftpNegotiation negotiation = options.check(oack.options());
            if (negotiation instanceof TftpNegotiation.Refused refused) {
                fail(new TftpPacket.Error(TftpErrorCode.OPTION_REFUSED, refused.reason()),
                        new TransferException(TransferError.PROTOCOL_ERROR, false, refused.reason()));
                return;
            }
            begin((TftpNegotiation.Granted) negotiation);
        } else if (packet instanceof TftpPacket.Error error) {
            serverError(error);
        } else {
            illegal("unexpected " + packet.opcode() + " in answer to WRQ");
        }
    }

    private void begin(TftpNegotiation.Granted granted) {
        state = State.SENDING;
        window = new TftpSendWindow(channel.alloc(), granted.blockSize(), granted.windowSize(), this::sendData);
        listener.started(peer());
        fillWindow();
    }

    private void whileSending(TftpPacket packet) {
        if (packet instanceof TftpPacket.Ack ack) {
            TftpSendWindow.Outcome outcome = window.acknowledged(ack.block());
            if (outcome == TftpSendWindow.Outcome.FINISHED) {
                listener.progress(window.bytesAcknowledged());
                succeed(window.bytesAcknowledged(), Duration.ZERO);
            } else if (outcome == TftpSendWindow.Outcome.MOVED) {
                listener.progress(window.bytesAcknowledged());
                fillWindow();
            }
        } else if (packet instanceof TftpPacket.Error error) {
            serverError(error);
        } else if (!(packet instanceof TftpPacket.OptionAck)) {
            // A repeated OACK means DATA 1 was lost: the clock resends it, not the OACK (no Sorcerer's Apprentice).
            illegal("unexpected " + packet.opcode() + " during the data phase");
        }
    }

    /** Reads and sends blocks until the window is full or the last block is out. */
    private void fillWindow() {
        if (!active()) {
            return;
        }
        try {
            window.fill(this::readBlock);
        } catch (Exception failure) {
            localFailure(TftpErrorCode.NOT_DEFINED, "Local read failed", failure);
            return;
        }
        dataStarted = window.started();
        timer.restart();
    }

    private int readBlock(ByteBuffer space) throws IOException {
        int start = space.position();
        int idleReads = 0;
        while (space.hasRemaining()) {
            int read = source.read(space);
            if (read < 0) {
                break;
            }
            if (read == 0 && ++idleReads > MAX_IDLE_READS) {
                throw new IOException("the source delivered nothing in " + MAX_IDLE_READS + " reads");
            }
        }
        return space.position() - start;
    }

    private void resendWindow() {
        window.resend();
    }

    private void sendData(ByteBuf datagram) {
        channel.write(new DatagramPacket(datagram, peer()), channel.voidPromise());
        channel.flush();
    }

    @Override
    protected void release() {
        if (window != null) {
            window.release();
        }
    }
}
