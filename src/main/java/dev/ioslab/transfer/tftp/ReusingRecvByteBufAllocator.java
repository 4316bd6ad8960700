package dev.ioslab.transfer.tftp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator;

/**
 * Receive buffers for one transfer's socket: every read goes into the same {@link ReusableBuffer} of one datagram's
 * size (the session is done with a datagram when its read returns), so receiving a block costs no trip to the pool.
 * Reads stop after a datagram shorter than the buffer when {@code respectMaybeMoreData} is set, as with Netty's
 * {@link io.netty.channel.FixedRecvByteBufAllocator}. {@link #release()} when the socket has closed.
 *
 * <p>Threading: the channel's event loop.
 */
final class ReusingRecvByteBufAllocator extends DefaultMaxMessagesRecvByteBufAllocator {

    private final int datagramSize;
    private final ReusableBuffer buffer;

    ReusingRecvByteBufAllocator(int datagramSize, boolean respectMaybeMoreData) {
        respectMaybeMoreData(respectMaybeMoreData);
        this.datagramSize = datagramSize;
        this.buffer = new ReusableBuffer(datagramSize);
    }

    @Override
    public Handle newHandle() {
        return new MaxMessageHandle() {
            @Override
            public ByteBuf allocate(ByteBufAllocator alloc) {
                return buffer.take(alloc);
            }

            @Override
            public int guess() {
                return datagramSize;
            }
        };
    }

    /** The socket is closed: the buffer goes back to the pool. */
    void release() {
        buffer.release();
    }
}
