package dev.ioslab.transfer.ftp;

import dev.ioslab.transfer.TransferSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/** A source over a byte array that counts reads made after the test sealed it, and can fail after some bytes. */
final class ByteArraySource implements TransferSource {

    final AtomicInteger readsAfterSeal = new AtomicInteger();
    private final byte[] content;
    private final long failAfter;
    private final IOException failure;
    private int position;
    private volatile boolean sealed;

    ByteArraySource(byte[] content) {
        this(content, Long.MAX_VALUE, null);
    }

    ByteArraySource(byte[] content, long failAfter, IOException failure) {
        this.content = content;
        this.failAfter = failAfter;
        this.failure = failure;
    }

    void seal() {
        sealed = true;
    }

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public synchronized int read(ByteBuffer buffer) throws IOException {
        if (sealed) {
            readsAfterSeal.incrementAndGet();
        }
        if (position >= failAfter && failure != null) {
            throw failure;
        }
        if (position == content.length) {
            return -1;
        }
        int length = Math.min(buffer.remaining(), content.length - position);
        buffer.put(content, position, length);
        position += length;
        return length;
    }
}
