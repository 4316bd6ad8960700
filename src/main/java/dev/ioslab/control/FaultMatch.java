package dev.ioslab.control;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
        return url.map(glob -> context.url() != null && globMatches(glob, context.url())).orElse(true)
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

    /**
     * Whether {@code text} matches {@code glob} as a whole. A greedy scan that, on a mismatch, retries from the last
     * {@code *} one character further: each {@code *} only ever moves forward, so the work is at most glob length
     * times text length, whatever the glob (a backtracking regex of many {@code .*} is exponential in the stars).
     */
    static boolean globMatches(String glob, String text) {
        int g = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                resume = t;
            } else if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == text.charAt(t))) {
                g++;
                t++;
            } else if (star >= 0) {
                g = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }
}
