package dev.ioslab.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interface names as IOS accepts them: a type, abbreviated to any unique prefix ({@code g}, {@code gi},
 * {@code GigabitEthernet}), followed by a slot/port number, with or without a space between.
 */
public final class InterfaceName {

    /** Interface types the emulated platforms have, with their full IOS names. */
    static final List<String> TYPES = List.of("GigabitEthernet", "Loopback");

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z-]+)\\s*(\\d+(?:/\\d+){0,2}(?:\\.\\d+)?)");

    private InterfaceName() {
    }

    /** The canonical name ({@code GigabitEthernet0/1}) for typed text, or empty when it is not an interface. */
    public static Optional<String> parse(String typed) {
        Matcher m = SHAPE.matcher(typed.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String prefix = m.group(1).toLowerCase(Locale.ROOT);
        List<String> types = TYPES.stream().filter(t -> t.toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
        if (types.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(types.get(0) + m.group(2));
    }

    static boolean couldStart(String typed) {
        String alpha = typed.replaceAll("[\\d/.]+$", "").toLowerCase(Locale.ROOT);
        return TYPES.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).startsWith(alpha));
    }

    /** Whether a token is only an interface type (so the number should follow as the next token). */
    static boolean isTypeOnly(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return !lower.isEmpty() && lower.chars().allMatch(Character::isLetter)
                && TYPES.stream().filter(t -> t.toLowerCase(Locale.ROOT).startsWith(lower)).count() == 1;
    }
}
