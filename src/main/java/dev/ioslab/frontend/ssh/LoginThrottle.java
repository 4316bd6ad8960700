package dev.ioslab.frontend.ssh;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per source address and says how long to hold back the answer to the next failure: the first
 * {@code failuresBeforeDelay} failures are answered at once, every later one after {@code delay}. A success from the
 * address, or {@link #FORGET_AFTER} without failures, clears its count.
 *
 * <p>The table is bounded: when {@link #MAX_TRACKED} addresses are tracked, stale ones are dropped; if none are stale,
 * failures from new addresses are delayed straight away (a flood from many addresses is slowed, not tracked).
 * Threading: thread-safe, never blocks.
 */
final class LoginThrottle {

    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant last) {
    }

    private final int failuresBeforeDelay;
    private final Duration delay;
    private final InstantSource clock;
    private final Map<InetAddress, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(int failuresBeforeDelay, Duration delay, InstantSource clock) {
        this.failuresBeforeDelay = failuresBeforeDelay;
        this.delay = delay;
        this.clock = clock;
    }

    /** Records a failed login from {@code source}; returns how long to wait before rejecting it (zero: at once). */
    Duration recordFailure(InetAddress source) {
        Instant now = clock.instant();
        if (!failures.containsKey(source) && failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> isStale(f, now));
            if (failures.size() >= MAX_TRACKED) {
                return delay;
            }
        }
        Failures updated = failures.merge(source, new Failures(1, now),
                (old, one) -> isStale(old, now) ? one : new Failures(old.count() + 1, now));
        return updated.count() > failuresBeforeDelay ? delay : Duration.ZERO;
    }

    /** A successful login from {@code source} clears its failures. */
    void recordSuccess(InetAddress source) {
        failures.remove(source);
    }

    /** Failures counted for {@code source} (0 when none or forgotten). */
    int failureCount(InetAddress source) {
        Failures f = failures.get(source);
        return f == null || isStale(f, clock.instant()) ? 0 : f.count();
    }

    private static boolean isStale(Failures f, Instant now) {
        return f.last().plus(FORGET_AFTER).isBefore(now);
    }
}
