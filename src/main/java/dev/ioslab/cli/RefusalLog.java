package dev.ioslab.cli;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs connections a device refuses for want of a vty line (all busy, or none whose {@code transport input} or
 * {@code access-class} admits the connection) without letting a flood flood the log: the first refusal of an interval
 * is logged at once with its source and cause, the others are only counted, and the count is logged with the next
 * refusal after the interval has passed. At most one line per interval, whatever the rate.
 *
 * <p>Threading: {@link #refused} is synchronized and never blocks beyond the logger's own append.
 */
final class RefusalLog {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

    private final String device;
    private final Clock clock;
    private final Duration interval;
    private Instant windowStart;
    private long suppressed;

    RefusalLog(String device, Clock clock, Duration interval) {
        this.device = device;
        this.clock = clock;
        this.interval = interval;
    }

    /** Records one refused connection by {@code protocol} from {@code remote}, refused for {@code cause}. */
    synchronized void refused(String protocol, InetSocketAddress remote, String cause) {
        Instant now = clock.instant();
        if (windowStart != null && now.isBefore(windowStart.plus(interval))) {
            suppressed++;
            return;
        }
        if (suppressed > 0) {
            LOG.info("{}: {} connection from {} refused: {} ({} more refused in the last {} s)",
                    device, protocol, remote, cause, suppressed, Duration.between(windowStart, now).toSeconds());
        } else {
            LOG.info("{}: {} connection from {} refused: {}", device, protocol, remote, cause);
        }
        windowStart = now;
        suppressed = 0;
    }
}
