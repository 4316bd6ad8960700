package dev.ioslab.commands.exec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Streams a file through a {@link MessageDigest} with one large direct buffer, never holding the file in memory,
 * ticking a {@link DotProgress} every {@value #MARK_BYTES} bytes. Runs on a verification-pool worker; one instance
 * per hash.
 */
final class FileHasher {

    /** Read size: large reads keep the hash CPU-bound rather than syscall-bound. */
    static final int BUFFER_BYTES = 1 << 20;
    /** One progress mark per this many bytes. */
    static final long MARK_BYTES = 4L << 20;

    private final String algorithm;
    private final DotProgress progress;

    FileHasher(String algorithm, DotProgress progress) {
        this.algorithm = algorithm;
        this.progress = progress;
    }

    /**
     * Hashes the channel from its start to its end and closes it.
     *
     * @throws CancellationException when {@code cancelled} turns true between reads (the session went away)
     */
    byte[] hash(FileChannel channel, BooleanSupplier cancelled) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JVM", e);
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
        try (channel) {
            long position = 0;
            long nextMark = MARK_BYTES;
            while (true) {
                buffer.clear();
                int n = channel.read(buffer, position);
                if (n < 0) {
                    break;
                }
                position += n;
                buffer.flip();
                digest.update(buffer);
                while (position >= nextMark) {
                    progress.tick();
                    nextMark += MARK_BYTES;
                }
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("session closed");
                }
            }
        }
        return digest.digest();
    }
}
