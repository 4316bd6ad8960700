package dev.ioslab.transfer;

/** Why a remote transfer failed, with the reason IOS prints in parentheses after the URL. */
public enum TransferError {
    TIMED_OUT("Timed out"),
    CONNECTION_REFUSED("Connection refused by remote host"),
    HOST_UNREACHABLE("No route to host"),
    UNKNOWN_HOST("Invalid IP address or hostname"),
    LOGIN_FAILED("Incorrect Login/Password"),
    PERMISSION_DENIED("Permission denied"),
    NO_SUCH_FILE("No such file or directory"),
    /** The remote side has no room for an upload. */
    REMOTE_FULL("Not enough space on device"),
    /** The connection or data stream ended before the transfer was complete. */
    CONNECTION_CLOSED("Connection closed by remote host"),
    /** The server broke the protocol (malformed, oversized or unexpected replies or packets). */
    PROTOCOL_ERROR("Protocol error"),
    /** Anything else the server refused; the log has the server's own words. */
    REMOTE_ERROR("I/O error");

    private final String reason;

    TransferError(String reason) {
        this.reason = reason;
    }

    /** The text IOS prints, e.g. {@code Timed out}. */
    public String reason() {
        return reason;
    }
}
