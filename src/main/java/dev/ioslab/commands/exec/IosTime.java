package dev.ioslab.commands.exec;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** How IOS writes times and durations: {@code 10:27:57 UTC Mon Dec 9 2019}, {@code 1 hour, 20 minutes}. */
public final class IosTime {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private IosTime() {
    }

    /** {@code 10:27:57 UTC Mon Dec 9 2019}. */
    public static String stamp(Instant t) {
        return format(t, false);
    }

    /** {@code 10:27:57.123 UTC Mon Dec 9 2019}, as {@code show clock} prints it. */
    public static String clock(Instant t) {
        return format(t, true);
    }

    /**
     * Written out by hand rather than through a {@code DateTimeFormatter}: {@code show clock} is what automation sends
     * to see that a device answers, and the formatter's general machinery cost more than the rest of the command.
     */
    private static String format(Instant t, boolean millis) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(32);
        digits(b, d.getHour(), 2).append(':');
        digits(b, d.getMinute(), 2).append(':');
        digits(b, d.getSecond(), 2);
        if (millis) {
            digits(b.append('.'), d.getNano() / 1_000_000, 3);
        }
        b.append(" UTC ").append(DAYS[d.getDayOfWeek().getValue() - 1]).append(' ')
                .append(MONTHS[d.getMonthValue() - 1]).append(' ').append(d.getDayOfMonth()).append(' ');
        return digits(b, d.getYear(), 4).toString();
    }

    private static StringBuilder digits(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }

    /** {@code 2 weeks, 2 days, 18 hours, 23 minutes}: zero leading units are left out, minutes always shown. */
    public static String uptime(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long years = minutes / (365L * 24 * 60);
        minutes -= years * 365L * 24 * 60;
        long weeks = minutes / (7L * 24 * 60);
        minutes -= weeks * 7L * 24 * 60;
        long days = minutes / (24 * 60);
        minutes -= days * 24 * 60;
        long hours = minutes / 60;
        minutes -= hours * 60;
        List<String> parts = new ArrayList<>();
        unit(parts, years, "year");
        unit(parts, weeks, "week");
        unit(parts, days, "day");
        unit(parts, hours, "hour");
        parts.add(minutes + (minutes == 1 ? " minute" : " minutes"));
        return String.join(", ", parts);
    }

    /** {@code 00:01:23} for idle times. */
    public static String hms(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    private static void unit(List<String> parts, long n, String name) {
        if (n > 0 || !parts.isEmpty()) {
            parts.add(n + " " + name + (n == 1 ? "" : "s"));
        }
    }
}
