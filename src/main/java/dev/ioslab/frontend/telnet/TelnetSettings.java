package dev.ioslab.frontend.telnet;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-device Telnet login limits, from the device's {@code line vty} configuration.
 *
 * @param loginTimeout     how long a connection may take to log in before IOS drops it ({@code timeout login
 *                         response}, 30 seconds by default)
 * @param maxLoginAttempts failed answers after which the connection is closed (IOS closes after 3)
 */
public record TelnetSettings(Duration loginTimeout, int maxLoginAttempts) {

    /** IOS defaults: 30 seconds, 3 attempts. */
    public static final TelnetSettings IOS_DEFAULTS = new TelnetSettings(Duration.ofSeconds(30), 3);

    public TelnetSettings {
        Objects.requireNonNull(loginTimeout, "loginTimeout");
        if (loginTimeout.isNegative() || loginTimeout.isZero()) {
            throw new IllegalArgumentException("loginTimeout must be positive: " + loginTimeout);
        }
        if (maxLoginAttempts < 1) {
            throw new IllegalArgumentException("maxLoginAttempts must be at least 1: " + maxLoginAttempts);
        }
    }
}
