package dev.ioslab.imageserver.ftp;

import dev.ioslab.transfer.TransferSource;
import java.nio.ByteBuffer;

/** An upload source over a byte array. Called on one client thread at a time. */
final class ArraySource implements TransferSource {

    private final byte[] content;
    private int position;

    ArraySource(byte[] content) {
        this.content = content;
    }

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public synchronized int read(ByteBuffer buffer) {
        if (position == content.length) {
            return -1;
        }
        int length = Math.min(buffer.remaining(), content.length - position);
        buffer.put(content, position, length);
        position += length;
        return length;
    }
}
