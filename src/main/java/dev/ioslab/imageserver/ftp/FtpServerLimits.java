package dev.ioslab.imageserver.ftp;

import java.time.Duration;
import java.util.Objects;

/**
 * What the FTP image repository allows one client and all clients together, so that a hostile or broken client
 * cannot exhaust it. Immutable.
 *
 * @param maxConnections     open control connections at once, logged in or not; above it a new connection is
 *                           answered {@code 421} and closed
 * @param maxLogins          logged-in sessions at once (anonymous included); at most {@code maxConnections}
 * @param maxAnonymousLogins anonymous sessions at once; at most {@code maxLogins}
 * @param maxLoginFailures   failed {@code PASS} on one connection before it is closed
 * @param loginFailureDelay  how long the answer to a failed {@code PASS} is held back (it holds a worker thread, so
 *                           keep it short; {@code maxConnections} bounds how many can wait at once)
 * @param idleTimeout        how long a control connection may stay silent, a data connection may stall (no byte
 *                           moved either way) and a passive port may wait for its connection; whole seconds
 * @param workerThreads      MINA FtpServer's worker threads: they run the commands and move the data of transfers
 *                           (blocking I/O), so this is also the number of transfers that progress at once; further
 *                           commands wait for a free worker
 */
public record FtpServerLimits(int maxConnections, int maxLogins, int maxAnonymousLogins, int maxLoginFailures,
                              Duration loginFailureDelay, Duration idleTimeout, int workerThreads) {

    /** Validates the limits; the message names the field. */
    public FtpServerLimits {
        Objects.requireNonNull(loginFailureDelay, "loginFailureDelay");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        if (maxLogins < 1 || maxLogins > maxConnections) {
            throw new IllegalArgumentException("maxLogins must be 1.." + maxConnections + " (maxConnections), was "
                    + maxLogins);
        }
        if (maxAnonymousLogins < 1 || maxAnonymousLogins > maxLogins) {
            throw new IllegalArgumentException("maxAnonymousLogins must be 1.." + maxLogins + " (maxLogins), was "
                    + maxAnonymousLogins);
        }
        if (maxLoginFailures < 1) {
            throw new IllegalArgumentException("maxLoginFailures must be at least 1, was " + maxLoginFailures);
        }
        if (loginFailureDelay.isNegative() || loginFailureDelay.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("loginFailureDelay must be 0..10 s, was " + loginFailureDelay);
        }
        if (idleTimeout.toSeconds() < 1 || idleTimeout.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("idleTimeout must be at least 1 s, was " + idleTimeout);
        }
        if (workerThreads < 2 || workerThreads > 256) {
            throw new IllegalArgumentException("workerThreads must be 2..256, was " + workerThreads);
        }
    }

    /**
     * Defaults for a lab: 64 connections, 48 logins (all may be anonymous), 3 failures per connection answered after
     * 500 ms each, 60 s idle timeout, 16 workers.
     */
    public static FtpServerLimits defaults() {
        return new FtpServerLimits(64, 48, 48, 3, Duration.ofMillis(500), Duration.ofSeconds(60), 16);
    }

    /** The same limits with another idle timeout. */
    public FtpServerLimits withIdleTimeout(Duration timeout) {
        return new FtpServerLimits(maxConnections, maxLogins, maxAnonymousLogins, maxLoginFailures, loginFailureDelay,
                timeout, workerThreads);
    }

    /** The same limits with other connection and login caps. */
    public FtpServerLimits withCaps(int connections, int logins, int anonymousLogins) {
        return new FtpServerLimits(connections, logins, anonymousLogins, maxLoginFailures, loginFailureDelay,
                idleTimeout, workerThreads);
    }

    int idleSeconds() {
        return (int) idleTimeout.toSeconds();
    }
}
