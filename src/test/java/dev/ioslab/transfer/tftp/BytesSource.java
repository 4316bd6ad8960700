package dev.ioslab.transfer.tftp;

import dev.ioslab.transfer.TransferSource;
import java.nio.ByteBuffer;

/** A source for tests over a byte array. */
public final class BytesSource implements TransferSource {

    private final ByteBuffer bytes;

    public BytesSource(byte[] bytes) {
        this.bytes = ByteBuffer.wrap(bytes);
    }

    @Override
    public long size() {
        return bytes.capacity();
    }

    @Override
    public int read(ByteBuffer buffer) {
        if (!bytes.hasRemaining()) {
            return -1;
        }
        int count = Math.min(buffer.remaining(), bytes.remaining());
        ByteBuffer slice = bytes.slice();
        slice.limit(count);
        buffer.put(slice);
        bytes.position(bytes.position() + count);
        return count;
    }
}
