package dev.ioslab.commands.exec;

import dev.ioslab.fs.AtomicWrite;
import dev.ioslab.fs.FsException;
import dev.ioslab.transfer.TransferSink;
import java.nio.ByteBuffer;

/**
 * A copy's bytes going into a flash file through an {@link AtomicWrite}: an announced size is reserved up front (so
 * a file that cannot fit is refused before its first byte). A failure aborts the write, so flash is as before.
 *
 * <p>Threading: one writer at a time, as {@link TransferSink} promises.
 */
final class FlashSink implements TransferSink {

    private final AtomicWrite write;

    FlashSink(AtomicWrite write) {
        this.write = write;
    }

    @Override
    public void expectSize(long bytes) throws LocalFailure {
        try {
            write.reserve(bytes);
        } catch (FsException e) {
            throw new LocalFailure(e);
        }
    }

    @Override
    public void write(ByteBuffer bytes) throws LocalFailure {
        try {
            write.write(bytes);
        } catch (FsException e) {
            throw new LocalFailure(e);
        }
    }

    AtomicWrite atomicWrite() {
        return write;
    }
}
