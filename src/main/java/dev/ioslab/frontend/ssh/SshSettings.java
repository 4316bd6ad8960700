package dev.ioslab.frontend.ssh;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of one device's SSH server.
 *
 * @param authTimeout         how long a connection may stay unauthenticated (IOS {@code ip ssh time-out}); it also
 *                            closes half-open connections that never send a version line
 * @param idleTimeout         how long an authenticated connection may stay silent (IOS {@code exec-timeout}); zero
 *                            disables it, as {@code exec-timeout 0 0} does
 * @param maxAuthTries        failed logins allowed on one connection before it is dropped (IOS
 *                            {@code ip ssh authentication-retries}, counted as failures, not attempts)
 * @param failuresBeforeDelay failed logins from one source address that are answered at once; later failures from
 *                            that address are answered only after {@code failureDelay}
 * @param failureDelay        how long a rejection is held back once an address is over {@code failuresBeforeDelay}
 * @param algorithms          the key exchange, cipher, MAC and host key algorithms offered
 */
public record SshSettings(Duration authTimeout, Duration idleTimeout, int maxAuthTries, int failuresBeforeDelay,
                          Duration failureDelay, SshAlgorithmLists algorithms) {

    /** Validates the limits; every duration must be present and not negative. */
    public SshSettings {
        Objects.requireNonNull(authTimeout, "authTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(failureDelay, "failureDelay");
        Objects.requireNonNull(algorithms, "algorithms");
        if (authTimeout.isZero() || authTimeout.isNegative()) {
            throw new IllegalArgumentException("authTimeout must be positive, was " + authTimeout);
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must be zero (disabled) or positive, was " + idleTimeout);
        }
        if (maxAuthTries < 1) {
            throw new IllegalArgumentException("maxAuthTries must be at least 1, was " + maxAuthTries);
        }
        if (failuresBeforeDelay < 0) {
            throw new IllegalArgumentException("failuresBeforeDelay must not be negative, was " + failuresBeforeDelay);
        }
        if (failureDelay.isNegative()) {
            throw new IllegalArgumentException("failureDelay must not be negative, was " + failureDelay);
        }
    }

    /** Limits with the built-in algorithm lists. */
    public SshSettings(Duration authTimeout, Duration idleTimeout, int maxAuthTries, int failuresBeforeDelay,
                       Duration failureDelay) {
        this(authTimeout, idleTimeout, maxAuthTries, failuresBeforeDelay, failureDelay, SshAlgorithmLists.DEFAULTS);
    }

    /**
     * IOS defaults: 120 s to log in, 10 minutes exec-timeout, 3 authentication retries; after 3 failures from one
     * address every further failure from it is answered 2 s late.
     */
    public static SshSettings defaults() {
        return new SshSettings(Duration.ofSeconds(120), Duration.ofMinutes(10), 3, 3, Duration.ofSeconds(2));
    }
}
