package dev.ioslab.frontend.admission;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused, reset and failed connections without letting a flood flood the log: per {@link ConnectionEvent}, the
 * first event of an interval is logged at once with its source, later ones are only counted, and the count is logged
 * by the next event after the interval or by {@link #flush()} (which the daemon calls every interval, so the total
 * of a flood that has stopped is still reported). At most one line per interval per kind, whatever the rate.
 *
 * <p>Threading: thread-safe; each kind has its own lock, held only to update counters and decide what to log.
 */
public final class ConnectionLog {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLog.class);

    private final Clock clock;
    private final Duration interval;
    private final Map<ConnectionEvent, Window> windows = new EnumMap<>(ConnectionEvent.class);

    /** A log whose summaries come at most once per {@code interval} per kind. */
    public ConnectionLog(Clock clock, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        this.clock = clock;
        this.interval = interval;
        for (ConnectionEvent kind : ConnectionEvent.values()) {
            windows.put(kind, new Window());
        }
    }

    /** The interval between two lines of one kind. */
    public Duration interval() {
        return interval;
    }

    /** Records one event of {@code kind} on a {@code protocol} connection from {@code remote} (may be null). */
    public void record(ConnectionEvent kind, String protocol, InetSocketAddress remote) {
        Window window = windows.get(kind);
        window.total.incrementAndGet();
        Instant now = clock.instant();
        long suppressed;
        Duration span;
        synchronized (window) {
            if (window.start != null && now.isBefore(window.start.plus(interval))) {
                window.suppressed++;
                return;
            }
            suppressed = window.suppressed;
            span = window.start == null ? Duration.ZERO : Duration.between(window.start, now);
            window.start = now;
            window.suppressed = 0;
        }
        String source = remote == null ? "unknown" : remote.getAddress().getHostAddress() + ":" + remote.getPort();
        if (suppressed > 0) {
            log(kind, "{} connection from {} {} ({} more in the last {} s)", protocol, source, kind.description(),
                    suppressed, span.toSeconds());
        } else {
            log(kind, "{} connection from {} {}", protocol, source, kind.description());
        }
    }

    /** Logs the count of every kind whose interval has passed with events still unreported. */
    public void flush() {
        Instant now = clock.instant();
        for (Map.Entry<ConnectionEvent, Window> entry : windows.entrySet()) {
            Window window = entry.getValue();
            long suppressed;
            Duration span;
            synchronized (window) {
                if (window.suppressed == 0 || now.isBefore(window.start.plus(interval))) {
                    continue;
                }
                suppressed = window.suppressed;
                span = Duration.between(window.start, now);
                window.start = now;
                window.suppressed = 0;
            }
            ConnectionEvent kind = entry.getKey();
            log(kind, "{} more connections {} in the last {} s", suppressed, kind.description(), span.toSeconds());
        }
    }

    /** Events of {@code kind} recorded since the daemon started. */
    public long total(ConnectionEvent kind) {
        return windows.get(kind).total.get();
    }

    private static void log(ConnectionEvent kind, String format, Object... arguments) {
        if (kind.warning()) {
            LOG.warn(format, arguments);
        } else {
            LOG.info(format, arguments);
        }
    }

    /** One kind's current interval: when its last line was logged and how many events came since. */
    private static final class Window {
        private final AtomicLong total = new AtomicLong();
        private Instant start;
        private long suppressed;
    }
}
