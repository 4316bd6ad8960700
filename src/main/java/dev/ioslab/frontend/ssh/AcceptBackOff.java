package dev.ioslab.frontend.ssh;

import java.time.Duration;

/**
 * How long a listener waits before it accepts again after the operating system failed an accept (EMFILE, ENFILE,
 * ENOBUFS): {@link #FIRST} after the first failure, twice as long after each further one, at most {@link #MAX}; a
 * successful accept starts over. Netty's server bootstrap pauses a fixed second in the same case.
 *
 * <p>Threading: one per listener; synchronized, as failures and successes arrive on any I/O thread.
 */
final class AcceptBackOff {

    static final Duration FIRST = Duration.ofMillis(50);
    static final Duration MAX = Duration.ofSeconds(1);

    private Duration next = FIRST;

    /** An accept failed: the pause before the next attempt. */
    synchronized Duration failed() {
        Duration pause = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
        return pause;
    }

    /** An accept succeeded: the next failure pauses {@link #FIRST} again. */
    synchronized void succeeded() {
        next = FIRST;
    }
}
