package dev.ioslab.device;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IOS login quiet mode for one device: with {@code login block-for} configured, too many failed logins within the
 * watch window make the device refuse every login (SSH and Telnet alike) for the block period. Thread-safe.
 */
public final class LoginGuard {

    private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);

    private final String device;
    private final Deque<Instant> failures = new ArrayDeque<>();
    private Instant quietUntil = Instant.MIN;

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
        if (failures.size() >= block.attempts() && !now.isBefore(quietUntil)) {
            quietUntil = now.plusSeconds(block.blockSeconds());
            failures.clear();
            // IOS logs %SEC_LOGIN-1-QUIET_MODE_ON with the same facts.
            LOG.warn("{}: login quiet mode on for {} s after {} failed logins within {} s", device,
                    block.blockSeconds(), block.attempts(), block.withinSeconds());
        }
    }
}
