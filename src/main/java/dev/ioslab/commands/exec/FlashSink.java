package dev.ioslab.commands.exec;

import dev.ioslab.fs.AtomicWrite;
import dev.ioslab.fs.FsException;
import dev.ioslab.transfer.TransferSink;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A copy's bytes going into a flash file through an {@link AtomicWrite}: an announced size is reserved up front (so
 * a file that cannot fit is refused before its first byte), and with {@code /verify} the MD5 of what arrived is
 * computed on the way for the comparison after the commit. A failure aborts the write, so flash is as before.
 *
 * <p>Threading: one writer at a time, as {@link TransferSink} promises.
 */
final class FlashSink implements TransferSink {

    private final AtomicWrite write;
    private final MessageDigest md5;

    FlashSink(AtomicWrite write, boolean digest) {
        this.write = write;
        this.md5 = digest ? md5() : null;
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
        if (md5 != null) {
            md5.update(bytes.duplicate());
        }
        try {
            write.write(bytes);
        } catch (FsException e) {
            throw new LocalFailure(e);
        }
    }

    AtomicWrite atomicWrite() {
        return write;
    }

    /** The MD5 of everything written, or null without {@code /verify}; call once, after the last write. */
    byte[] digest() {
        return md5 == null ? null : md5.digest();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }
}
