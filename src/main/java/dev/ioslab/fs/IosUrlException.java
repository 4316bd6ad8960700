package dev.ioslab.fs;

/**
 * A URL that cannot be used: the {@link UrlError}, the character position in the input where the problem starts
 * (for the CLI's caret) and, for a refused local path, the {@link FsException} with IOS's exact reason. The message
 * never repeats the input, because the input may hold a password. Immutable.
 */
public final class IosUrlException extends Exception {

    private final UrlError error;
    private final int position;

    /** A refusal of kind {@code error} starting at {@code position} of the input. */
    public IosUrlException(UrlError error, int position) {
        super(error.description() + " at position " + position);
        this.error = error;
        this.position = position;
    }

    /** A local path the file-system rules refused. */
    public IosUrlException(int position, FsException cause) {
        super(UrlError.INVALID_PATH.description() + " at position " + position + ": " + cause.getMessage(), cause);
        this.error = UrlError.INVALID_PATH;
        this.position = position;
    }

    /** What is wrong. */
    public UrlError error() {
        return error;
    }

    /** Index into the input where the problem starts. */
    public int position() {
        return position;
    }

    /** The text IOS prints in parentheses; for refused local paths the file-system reason. */
    public String reason() {
        return getCause() instanceof FsException fs ? fs.error().reason() : error.reason();
    }
}
