package dev.ioslab.transfer.tftp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The sending side of a TFTP data phase, shared by the client's upload and the server's download: numbers the blocks
 * (rolling over past 65535), sends a window of them (RFC 7440; a window of 1 is RFC 1350's lock-step), keeps each
 * datagram until it is acknowledged, and reads ACKs. A repeated ACK never resends in lock-step (the Sorcerer's
 * Apprentice syndrome, RFC 1123 section 4.2.3.1); in a window, an ACK short of the window's end restarts the window
 * after the acknowledged block (RFC 7440 section 4), once per block for a repeated ACK. The last block is the first one
 * shorter than the block size, possibly empty.
 *
 * <p>Not thread-safe: used on one channel's event loop. {@link #release()} frees the buffered datagrams.
 */
public final class TftpSendWindow {

    /** Fills the remaining space of a buffer with the next bytes; fewer only at the end of the data. */
    @FunctionalInterface
    public interface BlockReader {
        /** Returns the number of bytes put into {@code space}. */
        int read(ByteBuffer space) throws Exception;
    }

    /** What an ACK did. */
    public enum Outcome {
        /** A stale or repeated ACK: nothing moved. */
        IGNORED,
        /** Blocks were acknowledged; more may follow. */
        MOVED,
        /** The last block is acknowledged: the transfer is complete. */
        FINISHED
    }

    private final ByteBufAllocator allocator;
    private final int blockSize;
    private final int windowSize;
    private final Consumer<ByteBuf> transmit;
    private final ArrayDeque<ByteBuf> unacknowledged = new ArrayDeque<>();
    private long lastAcknowledged;
    private long lastSent;
    private long finalBlock = -1;
    private long restartedAt = -1;
    private long bytesAcknowledged;

    /**
     * A window of {@code windowSize} blocks of {@code blockSize} bytes; {@code transmit} sends one datagram and takes
     * ownership of the buffer it is given.
     */
    public TftpSendWindow(ByteBufAllocator allocator, int blockSize, int windowSize, Consumer<ByteBuf> transmit) {
        this.allocator = allocator;
        this.blockSize = blockSize;
        this.windowSize = windowSize;
        this.transmit = transmit;
    }

    /** Reads and sends blocks until the window is full or the last block is out. */
    public void fill(BlockReader reader) throws Exception {
        while (lastSent - lastAcknowledged < windowSize && finalBlock < 0) {
            ByteBuf datagram = allocator.directBuffer(4 + blockSize, 4 + blockSize);
            int length;
            try {
                TftpCodec.writeDataHeader((int) (lastSent + 1) & 0xFFFF, datagram);
                ByteBuffer space = datagram.nioBuffer(4, blockSize);
                length = reader.read(space);
                datagram.writerIndex(4 + length);
            } catch (Exception | Error failure) {
                datagram.release();
                throw failure;
            }
            lastSent++;
            if (length < blockSize) {
                finalBlock = lastSent;
            }
            unacknowledged.add(datagram);
            transmit.accept(datagram.retainedDuplicate());
        }
    }

    /** Handles an ACK of wire block number {@code block}. */
    public Outcome acknowledged(int block) {
        long outstanding = lastSent - lastAcknowledged;
        int distance = (block - (int) lastAcknowledged) & 0xFFFF;
        if (distance == 0) {
            if (windowSize > 1 && outstanding > 0 && restartedAt != lastAcknowledged) {
                // RFC 7440 section 4: the receiver lost the window's first block.
                restartedAt = lastAcknowledged;
                resend();
            }
            return Outcome.IGNORED;
        }
        if (distance > outstanding) {
            return Outcome.IGNORED;
        }
        for (int i = 0; i < distance; i++) {
            ByteBuf datagram = unacknowledged.poll();
            bytesAcknowledged += datagram.readableBytes() - 4;
            datagram.release();
        }
        lastAcknowledged += distance;
        if (lastAcknowledged == finalBlock) {
            return Outcome.FINISHED;
        }
        if (lastAcknowledged < lastSent) {
            // RFC 7440 section 4: blocks after the acknowledged one were lost; the window restarts after it.
            restartedAt = lastAcknowledged;
            resend();
        }
        return Outcome.MOVED;
    }

    /** Sends every unacknowledged block again (the retransmission clock ran out, or a window restarts). */
    public void resend() {
        for (ByteBuf datagram : unacknowledged) {
            transmit.accept(datagram.retainedDuplicate());
        }
    }

    /** Data bytes the receiver has acknowledged. */
    public long bytesAcknowledged() {
        return bytesAcknowledged;
    }

    /** Whether any block has been sent. */
    public boolean started() {
        return lastSent > 0;
    }

    /** Frees the datagrams still held; the window is unusable afterwards. */
    public void release() {
        ByteBuf datagram;
        while ((datagram = unacknowledged.poll()) != null) {
            datagram.release();
        }
    }
}
