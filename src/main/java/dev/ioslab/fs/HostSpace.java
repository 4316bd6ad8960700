package dev.ioslab.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before the first byte, that the host file store holding a device's folder can take a file of a known
 * size ({@code FileStore.getUsableSpace()}), so that a write the emulated device would accept but the host disk
 * cannot hold is refused at once with {@link FsError#NOT_ENOUGH_SPACE} rather than failing half-way.
 *
 * <p>Stateless; one {@code statfs} per check, local and short, so callable from any thread.
 */
final class HostSpace {

    private static final Logger LOG = LoggerFactory.getLogger(HostSpace.class);

    private HostSpace() {
    }

    /** Deletes a temp file without disturbing its folder. */
    @FunctionalInterface
    interface TempRemover {
        void delete(Path temp) throws IOException;
    }

    /** Bytes the host file store holding {@code folder} can still take; {@code Long.MAX_VALUE} when it cannot say. */
    static long usable(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            LOG.debug("Cannot ask the host for the free space under {}: {}", folder, e.toString());
            return Long.MAX_VALUE;
        }
    }

    /**
     * Refuses {@code bytes} more than the host file store holding {@code folder} can take. When the store cannot be
     * asked the check is skipped: the write itself then meets the host's real failure, mapped as usual.
     *
     * @throws FsException {@link FsError#NOT_ENOUGH_SPACE} when {@code bytes} exceed the usable space
     */
    static void require(Path folder, long bytes, FsPath destination) throws FsException {
        if (bytes <= 0) {
            return;
        }
        long usable;
        try {
            usable = Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            LOG.debug("Cannot ask the host for the free space under {}: {}", folder, e.toString());
            return;
        }
        if (bytes > usable) {
            LOG.debug("Refused {}: {} bytes announced, {} usable on the host under {}", destination, bytes, usable,
                    folder);
            throw new FsException(FsError.NOT_ENOUGH_SPACE, destination.display());
        }
    }

    /**
     * Checks the host space for {@code expectedSize} and opens the write channel for {@code temp} through
     * {@code channels}; when either fails, {@code temp} is deleted so that nothing is left behind.
     */
    static FileChannel openChecked(WriteChannelOpener channels, FsPath destination, Path temp, long expectedSize,
                                   TempRemover remover) throws IOException, FsException {
        try {
            require(temp.getParent(), expectedSize, destination);
            return channels.open(destination, temp);
        } catch (IOException | FsException e) {
            try {
                remover.delete(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
