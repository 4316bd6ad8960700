package dev.ioslab.commands.exec;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How IOS writes times and durations: {@code 10:27:57 UTC Mon Dec 9 2019}, {@code 1 hour, 20 minutes}. */
public final class IosTime {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC' EEE MMM d yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS 'UTC' EEE MMM d yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private IosTime() {
    }

    /** {@code 10:27:57 UTC Mon Dec 9 2019}. */
    public static String stamp(Instant t) {
        return STAMP.format(t);
    }

    /** {@code 10:27:57.123 UTC Mon Dec 9 2019}, as {@code show clock} prints it. */
    public static String clock(Instant t) {
        return CLOCK.format(t);
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
