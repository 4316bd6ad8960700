package dev.ioslab.transfer.tftp;

import dev.ioslab.transfer.TransferSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/** A sink for tests: keeps the bytes (or, for big files, only their SHA-256), the announced size and call order. */
public class MemorySink implements TransferSink {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final MessageDigest digest;
    private final boolean keep;
    private final AtomicInteger writes = new AtomicInteger();
    private volatile OptionalLong announced = OptionalLong.empty();
    private volatile boolean announcedBeforeFirstWrite;
    private long count;

    public MemorySink() {
        this(true);
    }

    public MemorySink(boolean keep) {
        this.keep = keep;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void expectSize(long size) throws IOException {
        if (announced.isPresent()) {
            throw new IllegalStateException("expectSize called twice");
        }
        announcedBeforeFirstWrite = writes.get() == 0;
        announced = OptionalLong.of(size);
    }

    @Override
    public synchronized void write(ByteBuffer buffer) throws IOException {
        writes.incrementAndGet();
        count += buffer.remaining();
        ByteBuffer copy = buffer.duplicate();
        digest.update(copy);
        if (keep) {
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        } else {
            buffer.position(buffer.limit());
        }
    }

    public synchronized byte[] bytes() {
        return bytes.toByteArray();
    }

    synchronized long count() {
        return count;
    }

    public synchronized byte[] sha256() throws CloneNotSupportedException {
        return ((MessageDigest) digest.clone()).digest();
    }

    public int writes() {
        return writes.get();
    }

    public OptionalLong announced() {
        return announced;
    }

    boolean announcedBeforeFirstWrite() {
        return announcedBeforeFirstWrite;
    }
}
