package dev.ioslab.imageserver.tftp;

import dev.ioslab.transfer.tftp.TftpErrorCode;
import dev.ioslab.transfer.tftp.TftpPacket;
import dev.ioslab.transfer.tftp.TftpSendWindow;
import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The server side of a read request: OACK and ACK 0 when options were granted (RFC 2347), then the file's blocks
 * through a {@link TftpSendWindow} until the last one is acknowledged. The file is read block by block on the event
 * loop (local disk, usually the page cache), never whole.
 *
 * <p>Threading: the transfer channel's event loop only.
 */
final class TftpReadSession extends TftpServerSession {

    /** The steps of a download served. */
    enum State {
        /** OACK sent, waiting for ACK 0. */
        OFFERING,
        /** Blocks are going out. */
        SENDING
    }

    /** Bytes read from the file at once for small blocks (one read per many packets). */
    private static final int READ_AHEAD = 64 << 10;

    private final FileChannel source;
    private ByteBuf aheadBuffer;
    private ByteBuffer ahead;
    private State state;
    private TftpSendWindow window;
    private long position;

    TftpReadSession(InetSocketAddress client, String file, ServerOptions options, FileChannel source,
                    Runnable onEnd) {
        super(client, file, options, onEnd);
        this.source = source;
    }

    @Override
    protected String direction() {
        return "read";
    }

    @Override
    protected void start() {
        if (options.oack().isEmpty()) {
            begin();
        } else {
            state = State.OFFERING;
            send(new TftpPacket.OptionAck(options.oack()));
            timer.restart();
        }
    }

    private void begin() {
        state = State.SENDING;
        window = new TftpSendWindow(channel.alloc(), options.blockSize(), options.windowSize(), this::transmit);
        fill();
    }

    @Override
    protected void onPacket(TftpPacket packet) {
        switch (state) {
            case OFFERING -> whileOffering(packet);
            case SENDING -> whileSending(packet);
        }
    }

    @Override
    public void retransmit() {
        if (state == State.OFFERING) {
            send(new TftpPacket.OptionAck(options.oack()));
        } else {
            window.resend();
        }
    }

    private void whileOffering(TftpPacket packet) {
        if (packet instanceof TftpPacket.Ack ack && ack.block() == 0) {
            begin();
        } else {
            illegal("expected ACK 0 after the OACK, got " + packet.opcode());
        }
    }

    private void whileSending(TftpPacket packet) {
        if (!(packet instanceof TftpPacket.Ack ack)) {
            illegal("expected ACK, got " + packet.opcode());
            return;
        }
        switch (window.acknowledged(ack.block())) {
            case FINISHED -> {
                bytes = window.bytesAcknowledged();
                end(true, "complete");
            }
            case MOVED -> {
                bytes = window.bytesAcknowledged();
                fill();
            }
            case IGNORED -> {
                // RFC 1123 section 4.2.3.1: a repeated ACK never causes a resend in lock-step.
            }
        }
    }

    private void fill() {
        try {
            window.fill(this::readBlock);
        } catch (Exception failure) {
            fail(new TftpPacket.Error(TftpErrorCode.NOT_DEFINED, "Read error"), "read failed: " + failure);
            return;
        }
        timer.restart();
    }

    /** Fills {@code space} from the read-ahead buffer, refilled with one read per {@link #READ_AHEAD} bytes. */
    private int readBlock(ByteBuffer space) throws IOException {
        int start = space.position();
        if (space.remaining() * 4 > READ_AHEAD) {
            readFully(space);
            return space.position() - start;
        }
        if (ahead == null) {
            aheadBuffer = channel.alloc().directBuffer(READ_AHEAD, READ_AHEAD);
            ahead = aheadBuffer.nioBuffer(0, READ_AHEAD).flip();
        }
        while (space.hasRemaining()) {
            if (!ahead.hasRemaining()) {
                ahead.clear();
                readFully(ahead);
                ahead.flip();
                if (!ahead.hasRemaining()) {
                    break;
                }
            }
            int count = Math.min(space.remaining(), ahead.remaining());
            ByteBuffer slice = ahead.slice().limit(count);
            space.put(slice);
            ahead.position(ahead.position() + count);
        }
        return space.position() - start;
    }

    private void readFully(ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            int read = source.read(into, position);
            if (read < 0) {
                return;
            }
            position += read;
        }
    }

    private void transmit(ByteBuf datagram) {
        channel.write(new DatagramPacket(datagram, client), channel.voidPromise());
        channel.flush();
    }

    @Override
    protected void release(boolean success) {
        if (window != null) {
            window.release();
        }
        if (aheadBuffer != null) {
            aheadBuffer.release();
            aheadBuffer = null;
        }
        try {
            source.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }
}
