package dev.ioslab.frontend.ssh;

import dev.ioslab.fs.AtomicWrite;
import dev.ioslab.fs.FsException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * An {@link OutputStream} over one {@link AtomicWrite}. Closing the stream neither commits nor aborts: MINA's
 * {@code ScpHelper} closes it as soon as the announced number of bytes has arrived, and only then may the sink check
 * the count and the sender's status and decide ({@link FlashScpFileOpener}).
 *
 * <p>When the write fails (host disk full, read-only, I/O error) the write aborts itself and the stream discards
 * the rest of the announced bytes instead of throwing, as OpenSSH's own sink does: a client still sending would
 * otherwise see the channel close under it and print only {@code lost connection}. Once the last byte is in, the
 * sink reports {@link #failure()} as an SCP error the client reads and prints.
 *
 * <p>Threading: written by the SCP command thread only.
 */
final class AtomicWriteStream extends OutputStream {

    private final AtomicWrite write;
    private ScpFailure failure;

    AtomicWriteStream(AtomicWrite write) {
        this.write = write;
    }

    AtomicWrite atomicWrite() {
        return write;
    }

    /** Why the write failed, or {@code null} while it has not. */
    ScpFailure failure() {
        return failure;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (failure != null) {
            return;
        }
        try {
            write.write(ByteBuffer.wrap(bytes, offset, length));
        } catch (FsException e) {
            // The write has aborted itself (out of space, host I/O error): nothing is left behind.
            failure = new ScpFailure(ScpFailure.copying(e), e);
        }
    }

    @Override
    public void close() {
        // Deliberately nothing: see the class comment.
    }
}
