package dev.ioslab.fs;

import java.util.List;
import java.util.Objects;

/**
 * A checked location inside one file system: the file system and a normalised relative path ({@code ""} for the
 * root, otherwise names joined by {@code /} without leading or trailing slash, no {@code .} or {@code ..}).
 * Instances come only from {@link IosFileSystem#resolve} and {@link #child}, so every {@code FsPath} has passed
 * the path rules and lies inside its root. Immutable.
 */
public record FsPath(IosFileSystem fileSystem, String relative) {

    /** Checks that {@code relative} is already normalised; user input goes through {@link IosFileSystem#resolve}. */
    public FsPath {
        Objects.requireNonNull(fileSystem, "fileSystem");
        Objects.requireNonNull(relative, "relative");
        if (!relative.equals(PathRules.normalisedOrNull(relative))) {
            throw new IllegalArgumentException("not a normalised relative path: " + PathRules.printable(relative));
        }
    }

    /** Whether this is the root of its file system. */
    public boolean isRoot() {
        return relative.isEmpty();
    }

    /** The last component, or {@code ""} for the root. */
    public String name() {
        return relative.substring(relative.lastIndexOf('/') + 1);
    }

    /** The components from the root down. */
    public List<String> components() {
        return relative.isEmpty() ? List.of() : List.of(relative.split("/"));
    }

    /** The directory holding this path; the root is its own parent. */
    public FsPath parent() {
        int slash = relative.lastIndexOf('/');
        return new FsPath(fileSystem, slash < 0 ? "" : relative.substring(0, slash));
    }

    /** A path one level down, checked with the same rules as user input; {@code .} and {@code ..} are refused. */
    public FsPath child(String name) throws FsException {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new FsException(FsError.INVALID_PATH, display() + "/" + PathRules.printable(name));
        }
        return fileSystem.resolve(name, this);
    }

    /** Whether {@code other} is this path or lies below it. */
    public boolean contains(FsPath other) {
        return other.fileSystem == fileSystem && (relative.isEmpty() || other.relative.equals(relative)
                || other.relative.startsWith(relative + "/"));
    }

    /** IOS's canonical form with the file system's own name, e.g. {@code flash0:/dir/file}. */
    public String display() {
        return fileSystem.spec().prefix() + "/" + relative;
    }

    @Override
    public String toString() {
        return display();
    }
}
