package dev.ioslab.frontend.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

import dev.ioslab.fs.AtomicWrite;
import dev.ioslab.fs.FsException;

/**
 * An {@link OutputStream} over one {@link AtomicWrite}. Closing the stream neither commits nor aborts: MINA's
 * {@code ScpHelper} closes it as soon as the announced number of bytes has arrived, and only then may the sink check
 * the count and the sender's status and decide ({@link FlashScpFileOpener}).
 *
 * <p>Threading: written by the SCP command thread only.
 */
final class AtomicWriteStream extends OutputStream {

    private final AtomicWrite write;

    AtomicWriteStream(AtomicWrite write) {
        this.write = write;
    }

    AtomicWrite atomicWrite() {
        return write;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            write.write(ByteBuffer.wrap(bytes, offset, length));
        } catch (FsException e) {
            // The write has aborted itself (out of space, host I/O error): nothing is left behind.
            throw new ScpFailure(ScpFailure.copying(e), e);
        }
    }

    @Override
    public void close() {
        // Deliberately nothing: see the class comment.
    }
}
