package dev.ioslab.transfer.tftp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * One direct buffer of a fixed capacity, handed out again for each packet of a transfer instead of a new one from the
 * pool: {@link #take} returns it (retained, cleared) whenever every earlier user has released it, and replaces it with
 * a fresh buffer when someone still holds it (a datagram still queued in the channel, say), so a holder never sees its
 * bytes change. After {@link #release()} every take is a plain new buffer, for the few packets of a socket's last
 * moments.
 *
 * <p>Not thread-safe: used on one channel's event loop.
 */
final class ReusableBuffer {

    private final int capacity;
    private ByteBuf buffer;
    private boolean released;

    ReusableBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** An empty buffer of the capacity; the caller owns one reference to it and releases it as usual. */
    ByteBuf take(ByteBufAllocator allocator) {
        if (released) {
            return allocator.directBuffer(capacity, capacity);
        }
        if (buffer == null || buffer.refCnt() != 1) {
            if (buffer != null) {
                buffer.release();
            }
            buffer = allocator.directBuffer(capacity, capacity);
        }
        return buffer.retain().clear();
    }

    /** Drops this holder's reference; the buffer goes back to the pool once its last user releases it. */
    void release() {
        released = true;
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }
}
