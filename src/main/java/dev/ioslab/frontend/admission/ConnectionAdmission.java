package dev.ioslab.frontend.admission;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides at accept, before a byte is sent, whether a front-end connection may stay open: it must fit in the
 * descriptor budget for connections, in the daemon-wide cap on connections that have not logged in yet, in the same
 * cap for its source address, and in the cap for its source address on its listener (a device's SSH or Telnet port:
 * each such connection holds one of the device's vty lines). A connection admitted holds an {@link AdmissionTicket}
 * until it closes; logging in moves it out of the not-logged-in counts. A refused connection is counted in the
 * {@link ConnectionLog}, and the front end closes it at once, so a flood of idle connections holds at most the caps'
 * worth of descriptors, the process never reaches its limit, and one flooding address cannot hold every line.
 *
 * <p>One instance serves every device and both front ends. Threading: thread-safe; counters are atomic, the
 * per-address tables use only their own bin locks; never blocks.
 */
public final class ConnectionAdmission {

    /** A source address on one listener. */
    private record SourceOnListener(InetAddress source, SocketAddress listener) {
    }

    private final AdmissionLimits limits;
    private final ConnectionLog log;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong notLoggedIn = new AtomicLong();
    private final Map<Object, Long> notLoggedInBySource = new ConcurrentHashMap<>();

    public ConnectionAdmission(AdmissionLimits limits, ConnectionLog log) {
        this.limits = limits;
        this.log = log;
    }

    /** The caps applied. */
    public AdmissionLimits limits() {
        return limits;
    }

    /** Where refusals are counted (front ends add resets and failed accepts). */
    public ConnectionLog log() {
        return log;
    }

    /**
     * Admits a {@code protocol} connection from {@code remote} to the listener at {@code local}, or refuses it (counted
     * and logged in summary). A connection whose source is unknown counts daemon-wide only.
     *
     * @return the ticket the connection holds until it closes; empty when the caller must close it at once
     */
    public Optional<AdmissionTicket> admit(String protocol, InetSocketAddress remote, SocketAddress local) {
        if (!reserve(open, limits.maxConnections())) {
            log.record(ConnectionEvent.REFUSED_DESCRIPTOR_BUDGET, protocol, remote);
            return Optional.empty();
        }
        if (!reserve(notLoggedIn, limits.maxNotLoggedIn())) {
            open.decrementAndGet();
            log.record(ConnectionEvent.REFUSED_NOT_LOGGED_IN, protocol, remote);
            return Optional.empty();
        }
        InetAddress source = remote == null ? null : remote.getAddress();
        if (source == null) {
            return Optional.of(new AdmissionTicket(this, null, null));
        }
        if (!reserve(source, limits.maxNotLoggedInPerAddress())) {
            notLoggedIn.decrementAndGet();
            open.decrementAndGet();
            log.record(ConnectionEvent.REFUSED_NOT_LOGGED_IN_FROM_ADDRESS, protocol, remote);
            return Optional.empty();
        }
        SourceOnListener onListener = local == null ? null : new SourceOnListener(source, local);
        if (onListener != null && !reserve(onListener, limits.maxNotLoggedInPerListener())) {
            unreserve(source);
            notLoggedIn.decrementAndGet();
            open.decrementAndGet();
            log.record(ConnectionEvent.REFUSED_NOT_LOGGED_IN_TO_LISTENER, protocol, remote);
            return Optional.empty();
        }
        return Optional.of(new AdmissionTicket(this, source, onListener));
    }

    /** Connections admitted and not yet closed. */
    public long openConnections() {
        return open.get();
    }

    /** Admitted connections that have not logged in yet. */
    public long notLoggedIn() {
        return notLoggedIn.get();
    }

    /** Admitted connections from {@code source} that have not logged in yet. */
    public long notLoggedIn(InetAddress source) {
        return notLoggedInBySource.getOrDefault(source, 0L);
    }

    /** A ticket's connection logged in: it no longer counts against the not-logged-in caps. */
    void loggedIn(Object source, Object onListener) {
        notLoggedIn.decrementAndGet();
        if (source != null) {
            unreserve(source);
        }
        if (onListener != null) {
            unreserve(onListener);
        }
    }

    /** A ticket's connection closed; {@code wasLoggedIn} says whether {@link #loggedIn} was called for it. */
    void closed(Object source, Object onListener, boolean wasLoggedIn) {
        if (!wasLoggedIn) {
            loggedIn(source, onListener);
        }
        open.decrementAndGet();
    }

    private boolean reserve(Object key, long max) {
        boolean[] reserved = new boolean[1];
        notLoggedInBySource.compute(key, (k, count) -> {
            long current = count == null ? 0 : count;
            if (current >= max) {
                return count;
            }
            reserved[0] = true;
            return current + 1;
        });
        return reserved[0];
    }

    private void unreserve(Object key) {
        notLoggedInBySource.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }

    private static boolean reserve(AtomicLong counter, long max) {
        while (true) {
            long current = counter.get();
            if (current >= max) {
                return false;
            }
            if (counter.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }
}
