package dev.ioslab.transfer.ftp;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

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

    /** This reply with every occurrence of {@code secret} replaced by {@code *} (for a server that echoes it). */
    FtpReply masking(String secret) {
        if (secret.isEmpty() || lines.stream().noneMatch(line -> line.contains(secret))) {
            return this;
        }
        return new FtpReply(code, lines.stream().map(line -> line.replace(secret, "*")).toList());
    }

    /** The text as a non-negative number, as in {@code 213 4096} (RFC 3659 §4.2), if it is one. */
    OptionalLong number() {
        String digits = text().strip();
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
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
