package dev.ioslab.transfer.ftp;

import java.util.List;
import java.util.Objects;

/**
 * One complete FTP reply: its three-digit code and its text, one entry per line (RFC 959 §4.2). For a single-line
 * reply the text is what follows {@code "123 "}; for a multi-line reply the first entry is what follows
 * {@code "123-"}, the middle entries are the lines as sent, the last is what follows the closing {@code "123 "}.
 * Immutable.
 */
record FtpReply(int code, List<String> lines) {

    /** How much of a reply {@link #summary()} keeps: enough for a log line, never a flood. */
    private static final int SUMMARY_LIMIT = 300;

    FtpReply {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("not an FTP reply code: " + code);
        }
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    /** A single-line reply. */
    static FtpReply of(int code, String text) {
        return new FtpReply(code, List.of(text));
    }

    FtpReplyClass replyClass() {
        return FtpReplyClass.of(code);
    }

    /** All lines joined with LF. */
    String text() {
        return String.join("\n", lines);
    }

    /** Code and text on one line, shortened, with control characters replaced: safe for a log or an exception. */
    String summary() {
        StringBuilder out = new StringBuilder().append(code);
        for (String line : lines) {
            if (!line.isBlank()) {
                out.append(' ').append(line.strip());
            }
        }
        String flat = out.toString().replaceAll("\\p{Cntrl}", "?");
        return flat.length() <= SUMMARY_LIMIT ? flat : flat.substring(0, SUMMARY_LIMIT) + "...";
    }
}
