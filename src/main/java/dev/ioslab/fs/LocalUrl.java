package dev.ioslab.fs;

import java.util.Objects;

/**
 * A URL into the device's own file systems, e.g. {@code flash:dir/img.bin}. Keeps the prefix as the user typed it
 * (lower case) because IOS echoes it: {@code delete flash:x} asks {@code Delete flash:/x? [confirm]}. Immutable.
 */
public record LocalUrl(String prefix, FsPath path) implements IosUrl {

    /** Checks that the prefix names the path's file system. */
    public LocalUrl {
        Objects.requireNonNull(path, "path");
        FileSystemSpec spec = path.fileSystem().spec();
        if (!spec.name().equals(prefix) && !spec.aliases().contains(prefix)) {
            throw new IllegalArgumentException(prefix + ": is not a prefix of " + spec.prefix());
        }
    }

    /** The path's file system. */
    public IosFileSystem fileSystem() {
        return path.fileSystem();
    }

    @Override
    public String display() {
        return prefix + ":/" + path.relative();
    }

    @Override
    public String maskedDisplay() {
        return display();
    }

    @Override
    public String baseName() {
        return path.name();
    }

    @Override
    public String toString() {
        return display();
    }
}
