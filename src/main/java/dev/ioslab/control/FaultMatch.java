package dev.ioslab.control;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which operations a fault applies to: a URL glob ({@code *} any run of characters, {@code ?} one character, the
 * whole URL without credentials must match), a file system ({@code flash0:} or {@code flash0}) and a protocol
 * ({@code ftp}, {@code tftp}, {@code scp}). An absent criterion matches everything, except that only a fault naming
 * {@code nvram:} acts on it (a {@code flash} fault means the flash file systems); a criterion the operation has no
 * value for (a file system for a transfer) does not match. Immutable.
 */
public record FaultMatch(Optional<String> url, Optional<String> fileSystem, Optional<String> protocol) {

    /** Matches every operation. */
    public static final FaultMatch ANY = new FaultMatch(Optional.empty(), Optional.empty(), Optional.empty());

    /** What an operation offers to be matched against; {@code null} for what it has no value for. */
    public record Context(String url, String fileSystem, String protocol) {

        public static Context transfer(String url, String protocol) {
            return new Context(url, null, protocol);
        }

        public static Context fileSystem(String name) {
            return new Context(null, name, null);
        }

        public static final Context NONE = new Context(null, null, null);
    }

    public boolean matches(Context context) {
        if (fileSystem.isEmpty() && context.fileSystem() != null && bare(context.fileSystem()).equals("nvram")) {
            return false;
        }
        return url.map(glob -> context.url() != null && glob(glob).matcher(context.url()).matches()).orElse(true)
                && fileSystem.map(fs -> context.fileSystem() != null
                        && bare(fs).equals(bare(context.fileSystem()))).orElse(true)
                && protocol.map(p -> p.equalsIgnoreCase(context.protocol() == null ? "" : context.protocol()))
                        .orElse(true);
    }

    /** The criteria that are set, for the API's {@code "match"} object. */
    public Map<String, String> toJson() {
        Map<String, String> json = new LinkedHashMap<>();
        url.ifPresent(u -> json.put("url", u));
        fileSystem.ifPresent(f -> json.put("fileSystem", f));
        protocol.ifPresent(p -> json.put("protocol", p));
        return json;
    }

    private static String bare(String fileSystem) {
        String name = fileSystem.toLowerCase(Locale.ROOT);
        return name.endsWith(":") ? name.substring(0, name.length() - 1) : name;
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
