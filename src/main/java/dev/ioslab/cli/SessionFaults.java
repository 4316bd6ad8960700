package dev.ioslab.cli;

import java.time.Duration;

/**
 * The seam through which a device's logins and sessions learn of the control API's {@code session} faults: a login
 * attempt (SSH password or key, Telnet user or line password) may be refused, and it then fails exactly as a wrong
 * password does; a session opened may have every write of its output delayed. {@link #NONE} injects nothing.
 *
 * <p>Threading: called from SSH I/O threads, Telnet event loops and session threads; implementations are
 * thread-safe and return at once.
 */
public interface SessionFaults {

    /** Never injects anything. */
    SessionFaults NONE = new SessionFaults() {
        @Override
        public boolean refuseLogin(String device, String user) {
            return false;
        }

        @Override
        public Duration outputDelay(String device) {
            return Duration.ZERO;
        }
    };

    /** Whether this login attempt by {@code user} on {@code device} is refused (the fault fires). */
    boolean refuseLogin(String device, String user);

    /** The delay of every output write of a session opening now on {@code device}; zero for none. */
    Duration outputDelay(String device);
}
