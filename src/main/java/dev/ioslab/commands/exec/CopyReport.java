package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.FsError;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.transfer.TransferException;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The texts a copy ends with, in IOS's words (reference §5, §5.7): the {@code bytes copied} line and the
 * {@code %Error <verb> <url> (<reason>)} line for each kind of failure; a copy into flash that its storage refused
 * (full, read-only, I/O error, on the device or on the host under it) is also logged once at WARN. Stateless.
 */
final class CopyReport {

    private static final Logger LOG = LoggerFactory.getLogger(CopyReport.class);
    /** Causes that mean the destination's storage failed, not that the request was wrong. */
    private static final Set<FsError> STORAGE = EnumSet.of(FsError.NOT_ENOUGH_SPACE, FsError.READ_ONLY,
            FsError.IO_ERROR, FsError.PERMISSION_DENIED);

    private CopyReport() {
    }

    /** {@code N bytes copied in S.SSS secs (R bytes/sec)}. */
    static String copiedLine(long bytes, long startedNanos) {
        double secs = (System.nanoTime() - startedNanos) / 1e9;
        return String.format(Locale.ROOT, "%d bytes copied in %.3f secs (%d bytes/sec)", bytes, secs,
                (long) (bytes / Math.max(secs, 0.001)));
    }

    /** The failure inside the layers of {@link CompletionException} a future chain wraps it in. */
    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** {@code error} as an unchecked exception for a future chain, unwrapped once so it is not nested twice. */
    static CompletionException rethrow(Throwable error) {
        return error instanceof CompletionException c ? c : new CompletionException(error);
    }

    /**
     * Prints the error line for a copy from {@code sourceLabel} that failed with {@code cause} while writing
     * {@code to} (null when the destination is not a flash file).
     *
     * @param remote     the remote side's masked URL, or null for a local copy
     * @param upload     whether the remote side was being written
     */
    static void failure(Invocation inv, Throwable cause, String sourceLabel, LocalUrl to, String remote,
                        boolean upload) {
        FsException fs = cause instanceof LocalFailure local ? local.fsError()
                : cause instanceof FsException f ? f : null;
        if (fs != null && to != null && STORAGE.contains(fs.error()) && fs.path().equals(to.path().display())) {
            warnStorage(inv, fs, remote == null ? sourceLabel : remote);
        }
        if (fs != null && (fs.error() == FsError.NOT_ENOUGH_SPACE || fs.error() == FsError.NOT_SUPPORTED)) {
            inv.println("%Error copying " + sourceLabel + " (" + fs.error().reason() + ")");
        } else if (fs != null) {
            String path = to != null && fs.path().equals(to.path().display()) ? to.display() : fs.path();
            inv.println("%Error " + (to != null ? "writing " : "reading ") + path + " (" + fs.error().reason() + ")");
        } else if (cause instanceof TransferException t) {
            String verb = !t.dataStarted() ? "opening" : upload ? "writing" : "reading";
            inv.println("%Error " + verb + " " + remote + " (" + t.error().reason() + ")");
        } else if (cause instanceof CancellationException) {
            String verb = remote == null ? "copying " : upload ? "writing " : "reading ";
            inv.println("%Error " + verb + (remote == null ? sourceLabel : remote) + " (Aborted)");
        } else if (cause instanceof IOException) {
            inv.println("%Error reading " + sourceLabel + " (" + FsError.IO_ERROR.reason() + ")");
        } else {
            throw new CompletionException(cause);
        }
    }

    /** One WARN line per copy into flash that its storage refused: device, file, user, IOS cause, host's words. */
    private static void warnStorage(Invocation inv, FsException failure, String source) {
        Throwable host = failure.getCause();
        LOG.warn("{}: copying {} to {} for {} from {} failed: {}{}", inv.context().device().name(), source,
                failure.path(), inv.context().info().user(), inv.context().info().remote(), failure.error().reason(),
                host == null ? "" : " (host: " + host.getMessage() + ")");
    }
}
