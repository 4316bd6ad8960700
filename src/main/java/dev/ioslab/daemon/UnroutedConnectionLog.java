package dev.ioslab.daemon;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs connections to an address no device owns, once per address per minute: a scanner sweeping a /8 or a client
 * retrying in a loop must not flood the log, yet the first attempt to each address is always visible.
 *
 * <p>Threading: called on I/O threads; lock-free. The memory is bounded: past {@value #MAX_ADDRESSES} remembered
 * addresses the record starts afresh (at worst an address is logged again within its minute).
 */
final class UnroutedConnectionLog {

    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(UnroutedConnectionLog.class);
    private static final int MAX_ADDRESSES = 10_000;

    private final Clock clock;
    private final Map<InetAddress, Long> lastLogged = new ConcurrentHashMap<>();

    UnroutedConnectionLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records a refused connection and logs it unless this address was logged less than a minute ago.
     *
     * @return whether a line was written
     */
    boolean refused(InetAddress local, String protocol) {
        long now = clock.millis();
        Long last = lastLogged.get(local);
        if (last != null && now - last < INTERVAL.toMillis()) {
            return false;
        }
        if (lastLogged.size() >= MAX_ADDRESSES) {
            lastLogged.clear();
        }
        if (last == null ? lastLogged.putIfAbsent(local, now) != null : !lastLogged.replace(local, last, now)) {
            return false;
        }
        LOG.warn("{} connection to {} closed unanswered: no device has that address (logged once a minute per "
                + "address)", protocol, local.getHostAddress());
        return true;
    }
}
