package dev.ioslab.imageserver.ftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The one rule that keeps clients inside the served folder: a path is usable only when, with every symbolic link
 * resolved, it still lies under the root's real path. MINA's native file system already confines names lexically
 * ({@code ..} and absolute paths stop at the root) but follows links wherever they point; this closes that gap.
 *
 * <p>Threading: immutable; every call asks the file system afresh, so a link added later is judged as it is then.
 */
final class RootBoundary {

    private final Path realRoot;

    /** A boundary at {@code realRoot}, which must already be a real path (no links, absolute). */
    RootBoundary(Path realRoot) {
        this.realRoot = realRoot;
    }

    Path root() {
        return realRoot;
    }

    /**
     * Where {@code path} really leads, when that is inside the root. A path that does not exist yet (an upload's
     * target) is judged by its nearest existing parent; a dangling link or an unreadable parent counts as outside.
     *
     * @return the real path, or empty when it leads out of the root or cannot be resolved
     */
    Optional<Path> resolve(Path path) {
        Path existing = path.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            Path name = existing.getFileName();
            if (name == null || name.toString().equals("..") || name.toString().equals(".")) {
                return Optional.empty();
            }
            missing.push(name);
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.empty();
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException danglingOrUnreadable) {
            return Optional.empty();
        }
        for (Path name : missing) {
            real = real.resolve(name);
        }
        return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
    }

    /** Whether {@code path} really lies inside the root (see {@link #resolve(Path)}). */
    boolean contains(Path path) {
        return resolve(path).isPresent();
    }
}
