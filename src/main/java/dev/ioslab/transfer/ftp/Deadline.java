package dev.ioslab.transfer.ftp;

import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One pending timeout: arming it again replaces the one before, and {@link #cancel()} is safe when nothing is
 * pending. Used only on the event loop it schedules on.
 */
final class Deadline {

    private ScheduledFuture<?> pending;

    void arm(EventExecutor loop, Duration delay, Runnable onExpiry) {
        cancel();
        pending = loop.schedule(onExpiry, millis(delay), TimeUnit.MILLISECONDS);
    }

    void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** A duration as the positive int of milliseconds Netty's options take. */
    static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }
}
