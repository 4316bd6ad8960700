package dev.ioslab.imageserver.tftp;

import dev.ioslab.transfer.tftp.TftpErrorCode;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns a file name from a request into a path inside one folder, or refuses it. Nothing escapes the folder: {@code ..}
 * segments, absolute paths elsewhere and symbolic links that lead out are refused with ERROR 2 (access violation), as
 * are hidden names (a dot first: upload temp files among them). Relative names and absolute names inside the folder
 * are accepted. Immutable and thread-safe; the checks touch the disk (they resolve links), which is quick local work.
 */
final class ServedFiles {

    /** A checked path, or the ERROR to answer. */
    sealed interface Resolution {
    }

    /** The request may go on with {@code path}. */
    record Allowed(Path path) implements Resolution {
    }

    /** The request is refused with {@code code}; {@code reason} is for the log, {@code code.text()} for the client. */
    record Refused(TftpErrorCode code, String reason) implements Resolution {
    }

    private final Path base;

    /** Files under {@code folder}, which must exist (its real path is taken once, here). */
    ServedFiles(Path folder) throws IOException {
        this.base = folder.toRealPath();
    }

    Path base() {
        return base;
    }

    /** An existing regular file to read. */
    Resolution forRead(String name) {
        Resolution inside = inside(name);
        if (!(inside instanceof Allowed allowed)) {
            return inside;
        }
        try {
            Path real = allowed.path().toRealPath();
            if (!real.startsWith(base)) {
                return new Refused(TftpErrorCode.ACCESS_VIOLATION, "link leads outside " + base);
            }
            if (!Files.isRegularFile(real)) {
                return new Refused(TftpErrorCode.FILE_NOT_FOUND, "not a regular file");
            }
            return new Allowed(real);
        } catch (NoSuchFileException missing) {
            return new Refused(TftpErrorCode.FILE_NOT_FOUND, "no such file");
        } catch (AccessDeniedException denied) {
            return new Refused(TftpErrorCode.ACCESS_VIOLATION, "permission denied");
        } catch (IOException failed) {
            return new Refused(TftpErrorCode.NOT_DEFINED, failed.toString());
        }
    }

    /** A file to create or replace, in a folder that exists inside the base. */
    Resolution forWrite(String name) {
        Resolution inside = inside(name);
        if (!(inside instanceof Allowed allowed)) {
            return inside;
        }
        Path target = allowed.path();
        if (target.equals(base)) {
            return new Refused(TftpErrorCode.ACCESS_VIOLATION, "not a file name");
        }
        try {
            Path folder = target.getParent().toRealPath();
            if (!folder.startsWith(base)) {
                return new Refused(TftpErrorCode.ACCESS_VIOLATION, "folder link leads outside " + base);
            }
            Path real = folder.resolve(target.getFileName());
            if (Files.isSymbolicLink(real) || Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                return new Refused(TftpErrorCode.ACCESS_VIOLATION, "not a plain file");
            }
            return new Allowed(real);
        } catch (NoSuchFileException missing) {
            return new Refused(TftpErrorCode.ACCESS_VIOLATION, "no such folder");
        } catch (IOException failed) {
            return new Refused(TftpErrorCode.ACCESS_VIOLATION, failed.toString());
        }
    }

    /** The lexical check: the normalized path lies under the base and has no hidden segment. */
    private Resolution inside(String name) {
        Path requested;
        try {
            requested = Path.of(name);
        } catch (InvalidPathException invalid) {
            return new Refused(TftpErrorCode.ACCESS_VIOLATION, "invalid path");
        }
        Path candidate = (requested.isAbsolute() ? requested : base.resolve(requested)).normalize();
        if (!candidate.startsWith(base)) {
            return new Refused(TftpErrorCode.ACCESS_VIOLATION, "outside " + base);
        }
        for (Path segment : base.relativize(candidate)) {
            if (segment.toString().startsWith(".")) {
                return new Refused(TftpErrorCode.ACCESS_VIOLATION, "hidden name");
            }
        }
        return new Allowed(candidate);
    }
}
