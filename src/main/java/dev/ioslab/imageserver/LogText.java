package dev.ioslab.imageserver;

/**
 * Text from a client (a requested file name, a server reply quoting it) made fit for one log line: a TFTP name may
 * hold any byte but NUL and MINA ends an FTP command at LF only, so control characters, line breaks that would forge
 * log lines among them, become {@code ?}.
 *
 * <p>Threading: stateless.
 */
public final class LogText {

    private LogText() {
    }

    /** {@code text} with every control character and Unicode line or paragraph separator as {@code ?}; null as "". */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029' ? '?' : c));
        return out.toString();
    }
}
