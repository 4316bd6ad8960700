package dev.ioslab.cli.edit;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A readable keystroke script turned into the bytes a terminal would send, for editor and CLI tests.
 *
 * <p>Plain characters stand for themselves (chars up to U+00FF become one byte, so Java escapes such as {@code \r},
 * {@code \n}, {@code \0} work). Named keys go in angle brackets, case-insensitive:
 * <ul>
 *   <li>{@code <CR>} {@code <LF>} {@code <NUL>} {@code <TAB>} {@code <ESC>} {@code <BS>} (0x08), {@code <DEL>}
 *       (0x7F, the byte most terminals send for Backspace), {@code <LT>} (a literal {@code <});</li>
 *   <li>VT100 keys: {@code <UP>} {@code <DOWN>} {@code <RIGHT>} {@code <LEFT>} ({@code ESC [ A..D}), {@code <HOME>}
 *       ({@code ESC [ H}), {@code <END>} ({@code ESC [ F}), {@code <DELETE>} ({@code ESC [ 3 ~});</li>
 *   <li>{@code <C-a>} .. {@code <C-z>}, {@code <C-^>} for control characters; {@code <M-b>}, {@code <M-f>} for
 *       {@code ESC b} / {@code ESC f};</li>
 *   <li>{@code <0xNN>} for any byte.</li>
 * </ul>
 * Example: {@code Keystrokes.of("show ver<TAB><LEFT><C-a><BS>\r")}. An unknown or unterminated name is rejected, so
 * a typo in a test fails loudly instead of typing its letters.
 *
 * <p>Stateless and thread-safe.
 */
public final class Keystrokes {

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("CR", "\r"),
            Map.entry("LF", "\n"),
            Map.entry("NUL", "\0"),
            Map.entry("TAB", "\t"),
            Map.entry("ESC", "\u001b"),
            Map.entry("BS", "\b"),
            Map.entry("DEL", "\u007f"),
            Map.entry("LT", "<"),
            Map.entry("UP", "\u001b[A"),
            Map.entry("DOWN", "\u001b[B"),
            Map.entry("RIGHT", "\u001b[C"),
            Map.entry("LEFT", "\u001b[D"),
            Map.entry("HOME", "\u001b[H"),
            Map.entry("END", "\u001b[F"),
            Map.entry("DELETE", "\u001b[3~"),
            Map.entry("M-B", "\u001bb"),
            Map.entry("M-F", "\u001bf"),
            Map.entry("C-^", "\u001e"));

    private Keystrokes() {
    }

    /**
     * The bytes {@code script} stands for.
     *
     * @throws IllegalArgumentException on an unknown {@code <name>}, a {@code <} without {@code >}, or a char above
     *     U+00FF
     */
    public static byte[] of(String script) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(script.length());
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '<') {
                int close = script.indexOf('>', i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated key name at index " + i + " in: " + script);
                }
                for (char b : named(script.substring(i + 1, close)).toCharArray()) {
                    bytes.write(b);
                }
                i = close + 1;
            } else {
                if (c > 0xFF) {
                    throw new IllegalArgumentException("char U+" + Integer.toHexString(c) + " is not one byte");
                }
                bytes.write(c);
                i++;
            }
        }
        return bytes.toByteArray();
    }

    /** The keys a fresh {@link KeyDecoder} makes of {@code script}, in order. */
    public static List<Key> keys(String script) {
        KeyDecoder decoder = new KeyDecoder();
        List<Key> keys = new ArrayList<>();
        for (byte b : of(script)) {
            Key key = decoder.feed(b);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static String named(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        String sequence = NAMED.get(upper);
        if (sequence != null) {
            return sequence;
        }
        if (upper.length() == 3 && upper.startsWith("C-") && upper.charAt(2) >= 'A' && upper.charAt(2) <= 'Z') {
            return String.valueOf((char) (upper.charAt(2) - 'A' + 1));
        }
        if (upper.matches("0X[0-9A-F]{2}")) {
            return String.valueOf((char) Integer.parseInt(upper.substring(2), 16));
        }
        throw new IllegalArgumentException("unknown key name <" + name + ">");
    }
}
