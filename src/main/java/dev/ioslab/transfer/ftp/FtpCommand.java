package dev.ioslab.transfer.ftp;

import java.util.Objects;

/**
 * One FTP command line without its CRLF. The argument is empty for commands without one. {@link #toString()} masks
 * the argument of {@code PASS}, so a command can always be logged. Immutable.
 */
record FtpCommand(FtpVerb verb, String argument) {

    /**
     * Refuses CR, LF and NUL in the argument: RFC 959 ends a command at CRLF, so a path holding one would smuggle a
     * second command onto the control connection.
     */
    FtpCommand {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(argument, "argument");
        if (!isSafeArgument(argument)) {
            throw new IllegalArgumentException("FTP argument contains CR, LF or NUL");
        }
    }

    static FtpCommand of(FtpVerb verb) {
        return new FtpCommand(verb, "");
    }

    static FtpCommand of(FtpVerb verb, String argument) {
        return new FtpCommand(verb, argument);
    }

    /** Whether {@code text} can be sent as an argument (no CR, LF or NUL). */
    static boolean isSafeArgument(String text) {
        return text.indexOf('\r') < 0 && text.indexOf('\n') < 0 && text.indexOf('\0') < 0;
    }

    /** The line as sent, without CRLF. */
    String line() {
        return argument.isEmpty() ? verb.name() : verb.name() + ' ' + argument;
    }

    @Override
    public String toString() {
        return verb == FtpVerb.PASS ? "PASS *" : line();
    }
}
