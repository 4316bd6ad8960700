package dev.ioslab.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * The seam through which every {@link AtomicWrite} gets the host channel its bytes go to. The daemon uses
 * {@link #HOST}; tests and the control API's {@code flash} faults pass a {@link FaultyWriteChannels} so that writes
 * fail the way a full, read-only or broken host disk fails them, and every write path above sees exactly what it
 * would see on such a disk.
 *
 * <p>Threading: called by whichever thread begins a write, under the file system's namespace lock; implementations
 * must be thread-safe and must not block beyond opening a local file.
 */
@FunctionalInterface
public interface WriteChannelOpener {

    /** Opens the real temp file for writing, refusing symbolic links. */
    WriteChannelOpener HOST = (destination, temp) ->
            FileChannel.open(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

    /**
     * Opens the channel for the hidden temp file {@code temp} (already created, empty) of a write to
     * {@code destination}.
     *
     * @throws IOException as the host would report it; the write is then refused with its mapped cause
     */
    FileChannel open(FsPath destination, Path temp) throws IOException;

    /** The free space pinned for {@code fileSystem} ({@link SpacePin}); none on a real host. */
    default OptionalLong pinnedFree(String fileSystem) {
        return OptionalLong.empty();
    }

    /** A write was refused for the pinned free space ({@link SpacePin#refused}). */
    default void pinnedSpaceRefused(String fileSystem, FsPath destination) {
        // A real host pins nothing.
    }
}
