package dev.ioslab.fs;

/**
 * Why a file-system operation failed, with the reason text IOS prints in parentheses, as in
 * {@code %Error opening flash0:/x (No such file or directory)}.
 *
 * <p>Immutable; safe to share between threads.
 */
public enum FsError {
    NO_SUCH_FILE("No such file or directory"),
    NOT_ENOUGH_SPACE("Not enough space on device"),
    FILE_EXISTS("File exists"),
    IS_A_DIRECTORY("Is a directory"),
    NOT_A_DIRECTORY("Not a directory"),
    DIRECTORY_NOT_EMPTY("Directory not empty"),
    INVALID_PATH("Invalid argument"),
    NAME_TOO_LONG("File name too long"),
    PERMISSION_DENIED("Permission denied"),
    NO_SUCH_DEVICE("No such device"),
    DEVICE_BUSY("Device or resource busy"),
    READ_ONLY("Read-only file system"),
    IO_ERROR("I/O error"),
    NOT_SUPPORTED("Operation not supported");

    private final String reason;

    FsError(String reason) {
        this.reason = reason;
    }

    /** The text IOS prints between parentheses after the path. */
    public String reason() {
        return reason;
    }
}
