package dev.ioslab.imageserver.ftp;

import dev.ioslab.transfer.TransferSink;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** A download sink that keeps the bytes in memory. Called on one client thread at a time. */
final class SinkBuffer implements TransferSink {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void expectSize(long size) {
    }

    @Override
    public synchronized void write(ByteBuffer buffer) {
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
    }

    synchronized byte[] bytes() {
        return bytes.toByteArray();
    }
}
