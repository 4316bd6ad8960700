package dev.ioslab.transfer.ftp;

/** The class of an FTP reply, from its first digit (RFC 959 §4.2.1). */
enum FtpReplyClass {
    /** 1yz: the action is starting; expect another reply before the next command. */
    POSITIVE_PRELIMINARY,
    /** 2yz: the action completed. */
    POSITIVE_COMPLETION,
    /** 3yz: the command is accepted, the server waits for more (PASS after USER). */
    POSITIVE_INTERMEDIATE,
    /** 4yz: the action did not happen, but might on a later try. */
    TRANSIENT_NEGATIVE,
    /** 5yz: the action did not happen and will not. */
    PERMANENT_NEGATIVE;

    /** The class of a reply code, which the decoder has already checked to be 100..599. */
    static FtpReplyClass of(int code) {
        return switch (code / 100) {
            case 1 -> POSITIVE_PRELIMINARY;
            case 2 -> POSITIVE_COMPLETION;
            case 3 -> POSITIVE_INTERMEDIATE;
            case 4 -> TRANSIENT_NEGATIVE;
            case 5 -> PERMANENT_NEGATIVE;
            default -> throw new IllegalArgumentException("not an FTP reply code: " + code);
        };
    }

    boolean isNegative() {
        return this == TRANSIENT_NEGATIVE || this == PERMANENT_NEGATIVE;
    }
}
