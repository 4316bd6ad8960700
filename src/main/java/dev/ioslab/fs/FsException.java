package dev.ioslab.fs;

/**
 * The one failure type of this package: an {@link FsError} and the IOS path it concerns (for example
 * {@code flash0:/img.bin}), so that the CLI can print {@code %Error <verb> <path> (<reason>)}.
 *
 * <p>The path never contains URL credentials. Immutable.
 */
public final class FsException extends Exception {

    private final FsError error;
    private final String path;

    /** Creates an exception for {@code error} on the IOS path {@code path}. */
    public FsException(FsError error, String path) {
        super(path + " (" + error.reason() + ")");
        this.error = error;
        this.path = path;
    }

    /** Creates an exception that keeps the host I/O failure that caused it, for the log. */
    public FsException(FsError error, String path, Throwable cause) {
        super(path + " (" + error.reason() + ")", cause);
        this.error = error;
        this.path = path;
    }

    /** What went wrong. */
    public FsError error() {
        return error;
    }

    /** The IOS path concerned, e.g. {@code flash0:/dir/file}. */
    public String path() {
        return path;
    }
}
