package dev.ioslab.device;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IOS login quiet mode for one device: with {@code login block-for} configured, too many failed logins within the
 * watch window make the device refuse every login (SSH and Telnet alike) for the block period. Enforcement counts the
 * failures of the last W seconds; {@link #status} reports them the way {@code show login} does, as a watch window of
 * W seconds that rolls over from the first look and restarts when quiet mode ends. Thread-safe.
 */
public final class LoginGuard {

    private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);

    private final String device;
    private final Deque<Instant> failures = new ArrayDeque<>();
    private Instant quietUntil = Instant.MIN;
    /** Start of the watch window {@code show login} reports; null until block-for is first seen. */
    private Instant windowStart;
    private long totalFailures;

    LoginGuard(String device) {
        this.device = device;
    }

    /** True while the device is in quiet mode. */
    public synchronized boolean quiet(Instant now) {
        return now.isBefore(quietUntil);
    }

    /** Records a failed login; enters quiet mode when the configured threshold is reached. */
    public synchronized void failed(Instant now, LoginBlock block) {
        if (block == null) {
            return;
        }
        Instant windowStart = now.minus(Duration.ofSeconds(block.withinSeconds()));
        while (!failures.isEmpty() && failures.peekFirst().isBefore(windowStart)) {
            failures.removeFirst();
        }
        failures.addLast(now);
        totalFailures++;
        roll(now, block);
        if (failures.size() >= block.attempts() && !now.isBefore(quietUntil)) {
            quietUntil = now.plusSeconds(block.blockSeconds());
            failures.clear();
            // IOS logs %SEC_LOGIN-1-QUIET_MODE_ON with the same facts.
            LOG.warn("{}: login quiet mode on for {} s after {} failed logins within {} s", device,
                    block.blockSeconds(), block.attempts(), block.withinSeconds());
        }
    }

    /** What {@code show login} reports about the guard at {@code now} under {@code block}. */
    public synchronized Status status(Instant now, LoginBlock block) {
        if (now.isBefore(quietUntil)) {
            return new Status(secondsUntil(now, quietUntil), 0, 0, totalFailures);
        }
        roll(now, block);
        Instant windowEnd = windowStart.plusSeconds(block.withinSeconds());
        long inWindow = failures.stream().filter(f -> !f.isBefore(windowStart) && !f.isAfter(now)).count();
        return new Status(0, secondsUntil(now, windowEnd), (int) inWindow, totalFailures);
    }

    /** Moves the reported watch window forward in steps of W seconds, restarting it where quiet mode ended. */
    private void roll(Instant now, LoginBlock block) {
        if (windowStart == null || windowStart.isBefore(quietUntil) && !now.isBefore(quietUntil)) {
            windowStart = windowStart == null ? now : quietUntil;
        }
        long within = block.withinSeconds();
        long elapsed = Duration.between(windowStart, now).getSeconds();
        if (elapsed >= within) {
            windowStart = windowStart.plusSeconds(elapsed / within * within);
        }
    }

    /** Whole seconds from {@code now} to {@code end}, rounded up as a countdown is. */
    private static long secondsUntil(Instant now, Instant end) {
        Duration left = Duration.between(now, end);
        return left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
    }

    /**
     * The guard as {@code show login} reports it.
     *
     * @param quietSeconds seconds of quiet mode left, 0 in normal mode
     * @param windowSeconds seconds left in the current watch window (normal mode)
     * @param windowFailures failed logins in the current watch window
     * @param totalFailures failed logins counted since the device started
     */
    public record Status(long quietSeconds, long windowSeconds, int windowFailures, long totalFailures) {

        /** True while logins are refused. */
        public boolean quiet() {
            return quietSeconds > 0;
        }
    }
}
