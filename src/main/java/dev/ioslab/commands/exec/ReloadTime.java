package dev.ioslab.commands.exec;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time arguments of {@code reload in [hhh:]mmm [text]} and {@code reload at hh:mm [day month|month day] [text]},
 * and how {@code show reload} words the time left ({@code in 411 hours and 33 minutes}). Times are UTC, as the
 * devices' clocks are. Stateless.
 */
final class ReloadTime {

    /** When to reload and the reason typed after the time (empty when none). */
    record Parsed(Instant at, String reason) {
    }

    private static final Pattern IN = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,5})(?:\\s+(.*))?");
    private static final Pattern AT = Pattern.compile("(\\d{1,2}):(\\d{2})(?:\\s+(\\S+)\\s+(\\S+))?(?:\\s+(.*))?");
    /** IOS accepts a delay of at most 24 days. */
    private static final Duration MAX_DELAY = Duration.ofDays(24);

    private ReloadTime() {
    }

    /** {@code reload in}: minutes, or hours and minutes; empty for a malformed or out-of-range delay. */
    static Optional<Parsed> in(String text, Instant now) {
        Matcher m = IN.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = Long.parseLong(m.group(2));
        if (m.group(1) != null && minutes > 59) {
            return Optional.empty();
        }
        Duration delay = Duration.ofHours(hours).plusMinutes(minutes);
        if (delay.isZero() || delay.compareTo(MAX_DELAY) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(now.plus(delay), reason(m.group(3))));
    }

    /**
     * {@code reload at}: today's (or tomorrow's) hh:mm, or hh:mm on a given day and month of this year (next year when
     * already past); empty for a malformed date.
     */
    static Optional<Parsed> at(String text, Instant now) {
        Matcher m = AT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        LocalDateTime current = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalTime time = LocalTime.of(hour, minute);
        LocalDateTime when;
        String reason = m.group(5);
        if (m.group(3) != null) {
            Optional<LocalDate> date = dayAndMonth(m.group(3), m.group(4), current.getYear());
            if (date.isEmpty()) {
                // "reload at 03:00 maintenance window": the two words were the reason, not a date.
                reason = (m.group(3) + " " + m.group(4) + (reason == null ? "" : " " + reason));
                when = current.toLocalDate().atTime(time);
            } else {
                when = date.get().atTime(time);
                if (!when.isAfter(current)) {
                    when = when.plusYears(1);
                }
            }
        } else {
            when = current.toLocalDate().atTime(time);
        }
        if (!when.isAfter(current)) {
            when = when.plusDays(1);
        }
        Instant at = when.toInstant(ZoneOffset.UTC);
        if (Duration.between(now, at).compareTo(MAX_DELAY) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(at, reason(reason)));
    }

    /** {@code 411 hours and 33 minutes}, {@code 1 hour and 1 minute}, {@code 10 minutes}. */
    static String left(Instant now, Instant at) {
        long minutes = Math.max(0, (Duration.between(now, at).getSeconds() + 59) / 60);
        long hours = minutes / 60;
        minutes %= 60;
        String m = minutes + (minutes == 1 ? " minute" : " minutes");
        return hours == 0 ? m : hours + (hours == 1 ? " hour" : " hours") + " and " + m;
    }

    private static Optional<LocalDate> dayAndMonth(String a, String b, int year) {
        Optional<Month> month = month(b);
        String day = a;
        if (month.isEmpty()) {
            month = month(a);
            day = b;
        }
        if (month.isEmpty() || !day.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        int d = Integer.parseInt(day);
        if (d < 1 || d > month.get().length(true)) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(year, month.get(), Math.min(d, month.get().length(LocalDate.of(year, 1, 1)
                .isLeapYear()))));
    }

    private static Optional<Month> month(String word) {
        if (word.length() < 3) {
            return Optional.empty();
        }
        String lower = word.toLowerCase(Locale.ROOT);
        for (Month m : Month.values()) {
            if (m.name().toLowerCase(Locale.ROOT).startsWith(lower)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static String reason(String text) {
        return text == null ? "" : text.strip();
    }
}
