package dev.ioslab.fs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The one place that turns a host failure into the cause IOS prints: {@code ENOSPC} and {@code EDQUOT} become
 * {@link FsError#NOT_ENOUGH_SPACE}, {@code EROFS} {@link FsError#READ_ONLY}, a missing file or folder
 * {@link FsError#NO_SUCH_FILE}, a folder the daemon may not write {@link FsError#PERMISSION_DENIED}, and {@code EIO}
 * or anything unrecognised {@link FsError#IO_ERROR}.
 *
 * <p>The JDK reports errno only as text: {@code FileChannel.write} throws a plain {@link IOException} whose message
 * is {@code strerror} ("No space left on device"), file operations a {@link FileSystemException} whose reason is
 * that text, sometimes wrapped. So the whole cause chain is searched, by exception type first and then by the
 * glibc and musl wordings of each errno. Stateless; safe from any thread.
 */
public final class HostFailureCause {

    private static final int MAX_CHAIN = 16;

    private HostFailureCause() {
    }

    /** The IOS cause of {@code failure}; {@link FsError#IO_ERROR} when nothing more precise is recognised. */
    public static FsError of(Throwable failure) {
        // An FsException anywhere in the chain was mapped already, nearer the host: it wins over wrappers' text.
        Set<Throwable> visited = new HashSet<>();
        for (Throwable t = failure; t != null && visited.size() < MAX_CHAIN && visited.add(t); t = t.getCause()) {
            if (t instanceof FsException fs) {
                return fs.error();
            }
        }
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.size() < MAX_CHAIN && seen.add(t); t = t.getCause()) {
            FsError error = single(t);
            if (error != null) {
                return error;
            }
        }
        return FsError.IO_ERROR;
    }

    /** An {@link FsException} for the IOS path {@code iosPath} that keeps {@code failure} for the log. */
    public static FsException exception(String iosPath, Throwable failure) {
        return new FsException(of(failure), iosPath, failure);
    }

    private static FsError single(Throwable t) {
        FsError byText = byText(t instanceof FileSystemException fse && fse.getReason() != null
                ? fse.getReason() : t.getMessage());
        if (byText != null) {
            return byText;
        }
        if (t instanceof NoSuchFileException) {
            return FsError.NO_SUCH_FILE;
        }
        if (t instanceof AccessDeniedException) {
            return FsError.PERMISSION_DENIED;
        }
        if (t instanceof DirectoryNotEmptyException) {
            return FsError.DIRECTORY_NOT_EMPTY;
        }
        if (t instanceof FileAlreadyExistsException) {
            return FsError.FILE_EXISTS;
        }
        if (t instanceof NotDirectoryException) {
            return FsError.NOT_A_DIRECTORY;
        }
        return null;
    }

    private static FsError byText(String text) {
        if (text == null) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("no space left") || t.contains("enospc") || t.contains("quota exceeded")
                || t.contains("edquot") || t.contains("not enough space") || t.contains("file too large")) {
            return FsError.NOT_ENOUGH_SPACE;
        }
        if (t.contains("read-only file system") || t.contains("erofs")) {
            return FsError.READ_ONLY;
        }
        if (t.contains("input/output error") || t.contains("i/o error") || t.matches(".*\\beio\\b.*")) {
            return FsError.IO_ERROR;
        }
        if (t.contains("permission denied") || t.contains("operation not permitted")) {
            return FsError.PERMISSION_DENIED;
        }
        if (t.contains("no such file or directory")) {
            return FsError.NO_SUCH_FILE;
        }
        return null;
    }
}
