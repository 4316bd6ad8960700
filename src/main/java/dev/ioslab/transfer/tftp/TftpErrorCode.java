package dev.ioslab.transfer.tftp;

/** The error codes of an ERROR packet: RFC 1350 appendix, plus 8 from RFC 2347. */
public enum TftpErrorCode {
    NOT_DEFINED(0, "Undefined error code"),
    FILE_NOT_FOUND(1, "File not found"),
    ACCESS_VIOLATION(2, "Access violation"),
    DISK_FULL(3, "Disk full or allocation exceeded"),
    ILLEGAL_OPERATION(4, "Illegal TFTP operation"),
    UNKNOWN_TRANSFER_ID(5, "Unknown transfer ID"),
    FILE_EXISTS(6, "File already exists"),
    NO_SUCH_USER(7, "No such user"),
    /** RFC 2347: the peer refuses the options (or, from a client, the options of an OACK). */
    OPTION_REFUSED(8, "Terminate transfer due to option negotiation");

    private static final TftpErrorCode[] BY_CODE = values();

    private final int code;
    private final String text;

    TftpErrorCode(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The 16-bit value on the wire. */
    public int code() {
        return code;
    }

    /** The RFC's wording, a reasonable message when there is nothing more precise to say. */
    public String text() {
        return text;
    }

    /** The code with wire value {@code code}; values the RFCs do not define read as {@link #NOT_DEFINED}. */
    public static TftpErrorCode of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : NOT_DEFINED;
    }
}
