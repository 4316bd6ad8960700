package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Connections to an address of no device are logged once a minute per address. */
class UnroutedConnectionLogTest {

    private Instant now = Instant.parse("2026-12-04T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void logsEachAddressOnceAMinute() throws Exception {
        UnroutedConnectionLog log = new UnroutedConnectionLog(clock);
        InetAddress a = InetAddress.getByName("127.0.0.9");
        InetAddress b = InetAddress.getByName("127.0.0.10");

        assertThat(log.refused(a, "SSH")).isTrue();
        assertThat(log.refused(a, "Telnet")).isFalse();
        assertThat(log.refused(b, "SSH")).isTrue();
        now = now.plus(Duration.ofSeconds(59));
        assertThat(log.refused(a, "SSH")).isFalse();
        now = now.plus(Duration.ofSeconds(1));
        assertThat(log.refused(a, "SSH")).isTrue();
        assertThat(log.refused(a, "SSH")).isFalse();
    }
}
