package dev.ioslab.frontend.ssh;

import dev.ioslab.fs.FsError;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.FsPath;
import dev.ioslab.fs.HostFailureCause;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * The bytes of one file the SCP server sends: exactly the number its {@code C} line announced, then end of stream.
 * When reading fails part-way (a host I/O error) or the file ends early (cut behind the daemon's back), the rest is
 * sent as zeros, as OpenSSH's own {@code scp} source does: the receiver stays in step and reads the error status
 * that follows the data instead of waiting for bytes that never come. {@link #failure()} then says why, in IOS's
 * words, so that the sender replaces its {@code \0} status with the error.
 *
 * <p>Threading: read by the SCP command thread only.
 */
final class AnnouncedLengthSource extends InputStream {

    private final ReadableByteChannel channel;
    private final FsPath file;
    private final long announced;
    private long remaining;
    private FsException failure;

    AnnouncedLengthSource(ReadableByteChannel channel, FsPath file, long announced) {
        this.channel = channel;
        this.file = file;
        this.announced = announced;
        this.remaining = announced;
    }

    /** Why the file could not be read to its end, or {@code null} while it could. */
    FsException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (remaining == 0) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int wanted = (int) Math.min(length, remaining);
        if (failure == null) {
            int n = readSome(ByteBuffer.wrap(buffer, offset, wanted));
            if (n > 0) {
                remaining -= n;
                return n;
            }
        }
        Arrays.fill(buffer, offset, offset + wanted, (byte) 0);
        remaining -= wanted;
        return wanted;
    }

    /** Reads at least one byte into {@code into}, or records the failure and returns 0. */
    private int readSome(ByteBuffer into) {
        try {
            int n;
            do {
                n = channel.read(into);
            } while (n == 0);
            if (n < 0) {
                long sent = announced - remaining;
                failure = new FsException(FsError.IO_ERROR, file.display(),
                        new EOFException("file ended after " + sent + " of " + announced + " bytes"));
                return 0;
            }
            return n;
        } catch (IOException e) {
            failure = HostFailureCause.exception(file.display(), e);
            return 0;
        }
    }
}
