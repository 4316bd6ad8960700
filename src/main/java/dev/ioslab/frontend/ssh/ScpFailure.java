package dev.ioslab.frontend.ssh;

import dev.ioslab.fs.FsError;
import dev.ioslab.fs.FsException;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A refusal or failure the SCP server reports to the client as an SCP error line ({@code \001<message>\n}); the
 * message is meant for the person at the client, in IOS's words.
 */
final class ScpFailure extends IOException {

    /** Causes that mean the device's storage (or the host disk under it) failed, not that the request was wrong. */
    private static final Set<FsError> STORAGE = EnumSet.of(FsError.NOT_ENOUGH_SPACE, FsError.READ_ONLY,
            FsError.IO_ERROR, FsError.PERMISSION_DENIED);

    private final boolean fileStatus;

    ScpFailure(String message) {
        this(message, null, false);
    }

    ScpFailure(String message, Throwable cause) {
        this(message, cause, false);
    }

    private ScpFailure(String message, Throwable cause, boolean fileStatus) {
        super(message, cause);
        this.fileStatus = fileStatus;
    }

    /**
     * A failure reported as the status of a file whose bytes were already sent (instead of its {@code \0}): the
     * client answers that status as it answers any, and the server waits for that answer before it ends, as
     * OpenSSH's own source does, so the client never writes to a closed connection.
     */
    static ScpFailure asStatusOfSentFile(String message, Throwable cause) {
        return new ScpFailure(message, cause, true);
    }

    /** Whether this failure took the place of a sent file's status (see {@link #asStatusOfSentFile}). */
    boolean isStatusOfSentFile() {
        return fileStatus;
    }

    /** IOS's copy error, e.g. {@code %Error copying flash0:/big.bin (Not enough space on device)}. */
    static String copying(FsException e) {
        return "%Error copying " + e.getMessage();
    }

    /** IOS's read error, e.g. {@code %Error reading flash0:/x.bin (I/O error)}. */
    static String reading(FsException e) {
        return "%Error reading " + e.getMessage();
    }

    /** IOS's open error, e.g. {@code %Error opening flash0:/x.bin (No such file or directory)}. */
    static String opening(FsException e) {
        return "%Error opening " + e.getMessage();
    }

    /** The file-system failure behind this one when storage failed (full, read-only, I/O error), else empty. */
    Optional<FsException> storageFailure() {
        return getCause() instanceof FsException fs && STORAGE.contains(fs.error()) ? Optional.of(fs)
                : Optional.empty();
    }
}
