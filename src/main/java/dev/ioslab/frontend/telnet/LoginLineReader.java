package dev.ioslab.frontend.telnet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Collects one answer to a login prompt ({@code Username:} or {@code Password:}) from typed bytes.
 *
 * <p>{@code CR}, {@code LF}, {@code CR LF} and {@code CR NUL} each end exactly one line (ios-cli.md section 0 item 1;
 * RFC 854 makes {@code CR NUL} a bare carriage return). The byte after a {@code CR} may arrive in a later read, so
 * the reader remembers that it is owed one {@code LF} or {@code NUL} to swallow. Backspace and DEL erase, other
 * control bytes are ignored, and characters past the length cap are dropped so a peer cannot make it grow. Not
 * thread-safe: one per connection, used on its event loop.
 */
final class LoginLineReader {

    /** What one byte did, so the caller can echo it (or not, for a password). */
    enum Effect { APPENDED, ERASED, LINE_ENDED, IGNORED }

    private static final int CR = '\r';
    private static final int LF = '\n';
    private static final int NUL = 0;
    private static final int BACKSPACE = 0x08;
    private static final int DELETE = 0x7f;

    private final byte[] line;
    private int length;
    private boolean swallowAfterCarriageReturn;

    /** A reader that keeps at most {@code maxLength} characters of a line. */
    LoginLineReader(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
        }
        this.line = new byte[maxLength];
    }

    /** Takes one typed byte (unsigned). */
    Effect accept(int b) {
        if (swallowAfterCarriageReturn) {
            swallowAfterCarriageReturn = false;
            if (b == LF || b == NUL) {
                return Effect.IGNORED;
            }
        }
        if (b == CR) {
            swallowAfterCarriageReturn = true;
            return Effect.LINE_ENDED;
        }
        if (b == LF) {
            return Effect.LINE_ENDED;
        }
        if (b == BACKSPACE || b == DELETE) {
            if (length == 0) {
                return Effect.IGNORED;
            }
            length--;
            return Effect.ERASED;
        }
        if (b < 0x20 || length == line.length) {
            return Effect.IGNORED;
        }
        line[length++] = (byte) b;
        return Effect.APPENDED;
    }

    /** The line collected so far as ISO-8859-1 text; clears it (the pending CR state is kept). */
    String takeLine() {
        String text = new String(line, 0, length, StandardCharsets.ISO_8859_1);
        Arrays.fill(line, 0, length, (byte) 0);
        length = 0;
        return text;
    }

    /** True when the last line ended with a CR whose LF or NUL partner has not been seen yet. */
    boolean owesLineFeed() {
        return swallowAfterCarriageReturn;
    }
}
