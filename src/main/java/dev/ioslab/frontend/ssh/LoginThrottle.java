package dev.ioslab.frontend.ssh;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per source address and device and says how long to hold back the answer to the next failure:
 * the first {@code failuresBeforeDelay} failures are answered at once, every later one after {@code delay}. A success
 * from the address on that device, or {@link #FORGET_AFTER} without failures, clears its count. Keyed by device too,
 * so that behind a shared listener one device's failed logins never slow another device's, as with a listener per
 * device.
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

    private record Source(InetAddress address, String device) {
    }

    private final int failuresBeforeDelay;
    private final Duration delay;
    private final InstantSource clock;
    private final Map<Source, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(int failuresBeforeDelay, Duration delay, InstantSource clock) {
        this.failuresBeforeDelay = failuresBeforeDelay;
        this.delay = delay;
        this.clock = clock;
    }

    /**
     * Records a failed login from {@code address} on {@code device}; returns how long to wait before rejecting it
     * (zero: at once).
     */
    Duration recordFailure(InetAddress address, String device) {
        Source source = new Source(address, device);
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

    /** A successful login from {@code address} on {@code device} clears its failures there. */
    void recordSuccess(InetAddress address, String device) {
        failures.remove(new Source(address, device));
    }

    /** Failures counted for {@code address} on {@code device} (0 when none or forgotten). */
    int failureCount(InetAddress address, String device) {
        Failures f = failures.get(new Source(address, device));
        return f == null || isStale(f, clock.instant()) ? 0 : f.count();
    }

    private static boolean isStale(Failures f, Instant now) {
        return f.last().plus(FORGET_AFTER).isBefore(now);
    }
}
