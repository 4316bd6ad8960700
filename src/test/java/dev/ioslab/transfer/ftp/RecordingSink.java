package dev.ioslab.transfer.ftp;

import dev.ioslab.transfer.TransferSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sink that keeps the bytes and the order of calls, counts calls made after the test sealed it, and can refuse.
 * Thread-safe enough for one writer thread and a reading test thread.
 */
final class RecordingSink implements TransferSink {

    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger callsAfterSeal = new AtomicInteger();
    final CountDownLatch firstWrite = new CountDownLatch(1);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile boolean sealed;
    private volatile IOException refuseSize;
    private volatile IOException refuseWrite;

    /** After this, any call is counted as a broken promise. */
    void seal() {
        sealed = true;
    }

    RecordingSink refusingSize(IOException failure) {
        refuseSize = failure;
        return this;
    }

    RecordingSink refusingWrites(IOException failure) {
        refuseWrite = failure;
        return this;
    }

    synchronized byte[] bytes() {
        return bytes.toByteArray();
    }

    @Override
    public void expectSize(long size) throws IOException {
        note("size " + size);
        if (refuseSize != null) {
            throw refuseSize;
        }
    }

    @Override
    public void write(ByteBuffer buffer) throws IOException {
        note("write");
        if (refuseWrite != null) {
            throw refuseWrite;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        synchronized (this) {
            bytes.write(chunk, 0, chunk.length);
        }
        firstWrite.countDown();
    }

    private void note(String call) {
        if (sealed) {
            callsAfterSeal.incrementAndGet();
        }
        calls.add(call);
    }
}
