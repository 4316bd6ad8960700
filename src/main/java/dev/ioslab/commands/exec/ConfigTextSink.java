package dev.ioslab.commands.exec;

import dev.ioslab.fs.FsError;
import dev.ioslab.fs.FsException;
import dev.ioslab.transfer.TransferSink;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Collects a configuration on its way into the running configuration; refuses anything larger than a configuration
 * can be ({@value #MAX_BYTES} bytes), so an image copied there by mistake is stopped early.
 *
 * <p>Threading: one writer at a time, as {@link dev.ioslab.transfer.TransferSink} promises.
 */
final class ConfigTextSink implements TransferSink {

    static final int MAX_BYTES = 4 << 20;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final String label;

    ConfigTextSink(String label) {
        this.label = label;
    }

    @Override
    public void expectSize(long size) throws LocalFailure {
        if (size > MAX_BYTES) {
            throw new LocalFailure(new FsException(FsError.NOT_SUPPORTED, label));
        }
    }

    @Override
    public void write(ByteBuffer buffer) throws LocalFailure {
        if (bytes.size() + buffer.remaining() > MAX_BYTES) {
            throw new LocalFailure(new FsException(FsError.NOT_SUPPORTED, label));
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
    }

    int size() {
        return bytes.size();
    }

    String text() {
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
