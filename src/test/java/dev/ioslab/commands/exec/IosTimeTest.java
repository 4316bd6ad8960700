package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IosTimeTest {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC' EEE MMM d yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS 'UTC' EEE MMM d yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Test
    void writesWhatShowClockPrints() {
        Instant t = Instant.parse("2019-12-09T10:27:57.123Z");
        assertThat(IosTime.clock(t)).isEqualTo("10:27:57.123 UTC Mon Dec 9 2019");
        assertThat(IosTime.stamp(t)).isEqualTo("10:27:57 UTC Mon Dec 9 2019");
        assertThat(IosTime.clock(Instant.parse("2026-01-01T00:00:00.005Z")))
                .isEqualTo("00:00:00.005 UTC Thu Jan 1 2026");
    }

    @Test
    void agreesWithTheJdkFormatterOverCenturiesOfInstants() {
        Random random = new Random(42);
        long from = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2199-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochMilli(from + (long) (random.nextDouble() * (to - from)))
                    .plusNanos(random.nextInt(1_000_000));
            assertThat(IosTime.clock(t)).isEqualTo(CLOCK.format(t));
            assertThat(IosTime.stamp(t)).isEqualTo(STAMP.format(t));
        }
    }
}
