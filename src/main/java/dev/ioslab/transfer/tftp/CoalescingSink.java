package dev.ioslab.transfer.tftp;

import dev.ioslab.transfer.TransferSink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;

/**
 * Gathers small blocks into one buffer before handing them to the sink, so a download at 512-byte blocks costs one
 * local write per {@link #CAPACITY} bytes rather than one per packet. Blocks as large as the buffer go straight
 * through. {@link #flush()} hands over what is gathered; {@link #release()} frees the buffer.
 *
 * <p>Not thread-safe: used on one channel's event loop.
 */
final class CoalescingSink {

    /** Bytes gathered before a write. */
    static final int CAPACITY = 64 << 10;

    private final TransferSink sink;
    private final ByteBufAllocator allocator;
    private ByteBuf gathered;

    CoalescingSink(TransferSink sink, ByteBufAllocator allocator) {
        this.sink = sink;
        this.allocator = allocator;
    }

    /** Takes the readable bytes of {@code content} (without consuming them). */
    void write(ByteBuf content) throws Exception {
        int length = content.readableBytes();
        if (gathered != null && gathered.writableBytes() < length) {
            flush();
        }
        if (length * 4 > CAPACITY) {
            flush();
            sink.write(content.nioBuffer());
            return;
        }
        if (gathered == null) {
            gathered = allocator.directBuffer(CAPACITY, CAPACITY);
        }
        gathered.writeBytes(content, content.readerIndex(), length);
    }

    /** Hands everything gathered to the sink. */
    void flush() throws Exception {
        if (gathered != null && gathered.isReadable()) {
            ByteBuffer bytes = gathered.nioBuffer();
            gathered.clear();
            sink.write(bytes);
        }
    }

    void release() {
        if (gathered != null) {
            gathered.release();
            gathered = null;
        }
    }
}
