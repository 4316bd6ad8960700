package dev.ioslab.cli;

import java.util.regex.Pattern;

/**
 * The kinds of argument a command syntax can take, each with the label IOS shows for it in {@code ?} help and
 * the rule for which typed tokens it accepts. Numeric ranges carry their bounds in {@link Element.Arg}.
 */
public enum ArgKind {
    /** One word without spaces. */
    WORD("WORD"),
    /** The rest of the line as typed, spaces included. */
    LINE("LINE"),
    /** A decimal number within the element's range. */
    NUMBER(null),
    /** A hexadecimal number written {@code 0x...} within the element's range. */
    HEX(null),
    /** A dotted IPv4 address. */
    IPV4("A.B.C.D"),
    /** An interface name such as {@code GigabitEthernet0/0}, abbreviations included ({@code gi0/0}, {@code g 0/1}). */
    INTERFACE("GigabitEthernet"),
    /** A file-system path or URL ({@code flash0:x}, {@code ftp://h/p}); matched as a word. */
    URL("WORD");

    private static final Pattern IPV4_PATTERN =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final String fixedLabel;

    ArgKind(String fixedLabel) {
        this.fixedLabel = fixedLabel;
    }

    String label(long min, long max) {
        if (this == NUMBER) {
            return "<" + min + "-" + max + ">";
        }
        if (this == HEX) {
            return "<0x" + Long.toHexString(min).toUpperCase() + "-0x" + Long.toHexString(max).toUpperCase() + ">";
        }
        return fixedLabel;
    }

    /** Whether a single token is a complete, valid value of this kind. */
    boolean accepts(String token, long min, long max) {
        switch (this) {
            case WORD, LINE, URL:
                return !token.isEmpty();
            case NUMBER:
                if (!token.matches("\\d{1,18}")) {
                    return false;
                }
                long n = Long.parseLong(token);
                return n >= min && n <= max;
            case HEX:
                if (!token.matches("0[xX][0-9a-fA-F]{1,15}")) {
                    return false;
                }
                long h = Long.parseLong(token.substring(2), 16);
                return h >= min && h <= max;
            case IPV4:
                return IPV4_PATTERN.matcher(token).matches();
            case INTERFACE:
                return InterfaceName.parse(token).isPresent();
            default:
                return false;
        }
    }

    /** Whether a token could still become valid if more characters were typed (for {@code ?} on a partial word). */
    boolean couldStart(String token, long min, long max) {
        switch (this) {
            case NUMBER:
                return token.matches("\\d{0,18}");
            case HEX:
                return token.matches("0?|0[xX][0-9a-fA-F]{0,15}");
            case IPV4:
                return token.matches("[0-9.]{0,15}");
            case INTERFACE:
                return InterfaceName.couldStart(token);
            default:
                return true;
        }
    }

    /** More specific kinds win over general ones when a token fits several. */
    int specificity() {
        return switch (this) {
            case NUMBER, HEX, IPV4, INTERFACE -> 2;
            case WORD, URL -> 1;
            case LINE -> 0;
        };
    }
}
