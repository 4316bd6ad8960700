package dev.ioslab.fs;

import java.time.Instant;

/**
 * One line of {@code dir}: the stable index IOS prints in the first column, the file's path, whether it is a
 * directory, its size in bytes (0 for directories) and its last modification time. Immutable.
 */
public record FileEntry(int index, FsPath path, boolean directory, long size, Instant modified) {

    /** The last path component, as {@code dir} prints it. */
    public String name() {
        return path.name();
    }
}
