package dev.ioslab.config;

import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, checked access to the keys of one YAML mapping. On construction it reports unknown and repeated keys; each
 * getter reports a wrong type or a value out of range against the key's full path and returns the default (or
 * {@code null}) instead, so binding carries on and finds the next problem too. One instance per mapping, not
 * thread-safe.
 */
final class MappingReader {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private final Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    private final YamlNode.Mapping mapping;
    private final String path;
    private final ProblemList problems;

    MappingReader(YamlNode.Mapping mapping, String path, List<String> allowedKeys, ProblemList problems) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
        for (YamlNode.Entry entry : mapping.entries()) {
            if (!allowedKeys.contains(entry.key())) {
                problems.add(entry.keyPosition(), childPath(entry.key()), "unknown key '" + entry.key() + "'"
                        + suggestion(entry.key(), allowedKeys) + "; allowed keys: " + String.join(", ", allowedKeys));
            } else if (entries.putIfAbsent(entry.key(), entry) != null) {
                problems.add(entry.keyPosition(), childPath(entry.key()), "key '" + entry.key()
                        + "' appears twice; the first is at line " + entries.get(entry.key()).keyPosition().line());
            }
        }
    }

    /**
     * The mapping under {@code node} at {@code path}, or {@code null} after reporting that it is something else.
     */
    static YamlNode.Mapping asMapping(YamlNode node, String path, ProblemList problems) {
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping;
        }
        problems.add(node.position(), path, "expected a mapping of 'key: value' entries, got " + describe(node));
        return null;
    }

    /** Describes what a node is, for "expected X, got Y" messages. */
    static String describe(YamlNode node) {
        if (node instanceof YamlNode.Mapping) {
            return "a mapping";
        }
        if (node instanceof YamlNode.Sequence) {
            return "a list";
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        return scalar.kind() == YamlNode.ScalarKind.NULL ? "nothing"
                : scalar.kind().description() + " '" + scalar.text() + "'";
    }

    String path() {
        return path;
    }

    String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return node(key) != null;
    }

    /** The value under {@code key}; {@code null} when the key is absent or its value is YAML null. */
    YamlNode node(String key) {
        YamlNode.Entry entry = entries.get(key);
        if (entry == null || entry.value() instanceof YamlNode.Scalar scalar
                && scalar.kind() == YamlNode.ScalarKind.NULL) {
            return null;
        }
        return entry.value();
    }

    /** Where to point at for {@code key}: its value when present, else the mapping itself. */
    YamlNode.Position position(String key) {
        YamlNode value = node(key);
        return value != null ? value.position() : mapping.position();
    }

    /** Reports that the required {@code key} is absent. */
    void reportMissing(String key, String what) {
        problems.add(mapping.position(), childPath(key), "missing; " + what);
    }

    /** Reports a problem with the value of {@code key}. */
    void report(String key, String message) {
        problems.add(position(key), childPath(key), message);
    }

    /** A scalar as text; numbers and booleans are taken as written. {@code null} when absent or not a scalar. */
    String string(String key) {
        YamlNode value = node(key);
        if (value == null) {
            return null;
        }
        if (value instanceof YamlNode.Scalar scalar) {
            return scalar.text();
        }
        report(key, "expected a text value, got " + describe(value));
        return null;
    }

    /** A required non-empty text; {@code null} after reporting when absent or invalid. */
    String requiredString(String key, String what) {
        if (node(key) == null) {
            reportMissing(key, what);
            return null;
        }
        String text = string(key);
        if (text != null && text.isEmpty()) {
            report(key, "must not be empty; " + what);
            return null;
        }
        return text;
    }

    /** An integer in {@code min..max}; {@code null} when absent, or after reporting a wrong type or range. */
    Long integer(String key, long min, long max) {
        YamlNode value = node(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof YamlNode.Scalar scalar) || scalar.kind() != YamlNode.ScalarKind.INTEGER) {
            String hint = value instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.ScalarKind.STRING
                    && scalar.text().strip().matches("[0-9]+") ? " (write it without quotes)" : "";
            report(key, "expected an integer " + min + ".." + max + ", got " + describe(value) + hint);
            return null;
        }
        BigInteger number = scalar.integer();
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            report(key, number + " is out of range; allowed: " + min + ".." + max);
            return null;
        }
        return number.longValue();
    }

    long integer(String key, long min, long max, long defaultValue) {
        Long value = integer(key, min, max);
        return value == null ? defaultValue : value;
    }

    /** A required integer in {@code min..max}; {@code null} after reporting when absent or invalid. */
    Long requiredInteger(String key, long min, long max, String what) {
        if (node(key) == null) {
            reportMissing(key, what);
            return null;
        }
        return integer(key, min, max);
    }

    boolean bool(String key, boolean defaultValue) {
        YamlNode value = node(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.ScalarKind.BOOLEAN) {
            return Boolean.parseBoolean(scalar.text().toLowerCase(Locale.ROOT));
        }
        report(key, "expected true or false, got " + describe(value));
        return defaultValue;
    }

    /**
     * A duration in {@code min..max}: a number of seconds, a number with unit {@code ms}, {@code s}, {@code m} or
     * {@code h} ({@code 30s}), or ISO-8601 ({@code PT30S}).
     */
    Duration duration(String key, Duration min, Duration max, Duration defaultValue) {
        YamlNode value = node(key);
        if (value == null) {
            return defaultValue;
        }
        Duration duration = null;
        if (value instanceof YamlNode.Scalar scalar) {
            duration = parseDuration(scalar);
        }
        String allowed = "a duration " + shortForm(min) + ".." + shortForm(max) + " such as 30s, 500ms, 2m, "
                + "1h or PT30S";
        if (duration == null) {
            report(key, "expected " + allowed + ", got " + describe(value));
            return defaultValue;
        }
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            report(key, ((YamlNode.Scalar) value).text() + " is out of range; allowed: " + allowed);
            return defaultValue;
        }
        return duration;
    }

    /** {@code 30s}, or {@code 100ms} for a bound below a whole second. */
    private static String shortForm(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static Duration parseDuration(YamlNode.Scalar scalar) {
        if (scalar.kind() == YamlNode.ScalarKind.INTEGER) {
            return scalar.integer().bitLength() < 32 ? Duration.ofSeconds(scalar.integer().longValue()) : null;
        }
        if (scalar.kind() != YamlNode.ScalarKind.STRING) {
            return null;
        }
        String text = scalar.text().strip();
        Matcher matcher = DURATION.matcher(text);
        if (matcher.matches()) {
            if (matcher.group(1).length() > 9) {
                return null;
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** " (did you mean 'x'?)" when an allowed key differs only in case or by a typo or two. */
    private static String suggestion(String key, List<String> allowedKeys) {
        for (String allowed : allowedKeys) {
            if (allowed.equalsIgnoreCase(key) || editDistance(allowed.toLowerCase(Locale.ROOT),
                    key.toLowerCase(Locale.ROOT)) <= 2) {
                return " (did you mean '" + allowed + "'?)";
            }
        }
        return "";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
