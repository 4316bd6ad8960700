package dev.ioslab.fs;

/**
 * Why a URL was refused: the reason IOS prints between parentheses ({@code %Error parsing filename (Bad address)})
 * and a plain description for logs and tests. {@link #UNKNOWN_FILE_SYSTEM} is what the CLI turns into
 * {@code % Invalid input detected at '^' marker.}
 */
public enum UrlError {
    MALFORMED("Bad address", "malformed URL"),
    UNKNOWN_FILE_SYSTEM("Invalid input detected", "unknown file system prefix"),
    UNSUPPORTED_SCHEME("Operation not supported", "no client for this scheme"),
    MISSING_HOST("Host name or address not specified", "host missing"),
    INVALID_HOST("Invalid IP address or hostname", "invalid host"),
    BAD_PORT("Invalid port number", "port not a number in 1-65535"),
    MISSING_PATH("Bad address", "file name missing"),
    CREDENTIALS_NOT_ALLOWED("Bad address", "this scheme takes no user or password"),
    INVALID_PATH("Invalid argument", "path refused by the file-system rules");

    private final String reason;
    private final String description;

    UrlError(String reason, String description) {
        this.reason = reason;
        this.description = description;
    }

    /** IOS's text for the parentheses of an {@code %Error} line. */
    public String reason() {
        return reason;
    }

    /** What is wrong, in plain words. */
    public String description() {
        return description;
    }
}
