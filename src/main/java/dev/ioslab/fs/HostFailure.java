package dev.ioslab.fs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A host storage failure that {@link FaultyWriteChannels} can inject, with the exact text the JDK reports for the
 * errno on Linux, so that injected failures travel the same mapping ({@link HostFailureCause}) as real ones.
 *
 * <p>Immutable.
 */
public enum HostFailure {
    /** {@code ENOSPC}: the host disk is full. */
    NO_SPACE("No space left on device"),
    /** {@code EDQUOT}: the daemon's user is over its quota. */
    QUOTA_EXCEEDED("Disk quota exceeded"),
    /** {@code EROFS}: the host file system is mounted read-only. */
    READ_ONLY("Read-only file system"),
    /** {@code EIO}: the disk failed. */
    IO_ERROR("Input/output error");

    private final String strerror;

    HostFailure(String strerror) {
        this.strerror = strerror;
    }

    /** The C library's text for the errno, as the JDK puts it in exception messages. */
    public String strerror() {
        return strerror;
    }

    /** What {@code FileChannel.write} or {@code force} throws: a plain {@link IOException} with the errno text. */
    IOException onChannel() {
        return new IOException(strerror);
    }

    /** What a file operation ({@code open}, {@code createFile}, {@code move}) on {@code file} throws. */
    IOException onFile(Path file) {
        return new FileSystemException(file.toString(), null, strerror);
    }
}
