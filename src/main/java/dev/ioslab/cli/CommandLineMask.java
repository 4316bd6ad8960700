package dev.ioslab.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line as it may be recorded: the password of a URL ({@code ftp://user:pass@host}) left out, and the value
 * after {@code password}, {@code secret} or {@code key} (with its optional encryption type) replaced by
 * {@code *****}, as IOS's {@code archive log config hidekeys} does. Stateless.
 */
public final class CommandLineMask {

    /**
     * RFC 3986 userinfo: {@code scheme://user:password@}; the password is dropped, the user kept. The password runs to
     * the authority's last {@code @} (before any {@code /}), as the URL parser reads it: it may hold {@code @} itself.
     */
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/@:\\s]*):[^/\\s]*@");
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(\\b(?:password|secret|key|key-string)\\s+(?:[0-9]\\s+)?)(\\S+)");

    private CommandLineMask() {
    }

    /** {@code line} without any password or secret. */
    public static String mask(String line) {
        String withoutUrlPasswords = line.contains("://") ? URL_PASSWORD.matcher(line).replaceAll("$1@") : line;
        if (!containsIgnoreCase(withoutUrlPasswords, "password") && !containsIgnoreCase(withoutUrlPasswords, "secret")
                && !containsIgnoreCase(withoutUrlPasswords, "key")) {
            return withoutUrlPasswords;
        }
        Matcher m = SECRET.matcher(withoutUrlPasswords);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)) + "*****");
    }

    /** Whether {@code word} (lower case) occurs in {@code text} in any case; the common line has no secret at all. */
    private static boolean containsIgnoreCase(String text, String word) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }
}
