package dev.ioslab.cli;

import dev.ioslab.device.ActiveLine;
import dev.ioslab.device.Device;
import dev.ioslab.device.LineState;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * IOS's {@code exec-timeout} for one session: the line's timeout (read afresh at every check, so a change applies
 * at once; {@code 0 0} means never) against the time since the session's last input. When it has run out the
 * session is asked to log out; a session busy with a command declines and is checked again later.
 *
 * <p>Threading: checks run on the shared timer; {@link #stop()} may be called from any thread.
 */
final class ExecTimeoutWatch {

    private final ScheduledExecutorService timer;
    private final Device device;
    private final ActiveLine line;
    private final BooleanSupplier logOut;
    private ScheduledFuture<?> check;
    private boolean stopped;

    /** @param logOut ends the session and returns true, or returns false while the session is busy */
    ExecTimeoutWatch(ScheduledExecutorService timer, Device device, ActiveLine line, BooleanSupplier logOut) {
        this.timer = timer;
        this.device = device;
        this.line = line;
        this.logOut = logOut;
    }

    void start() {
        schedule(timeout());
    }

    synchronized void stop() {
        stopped = true;
        if (check != null) {
            check.cancel(false);
        }
    }

    /** The exec-timeout of the session's own line; zero means never. */
    private Duration timeout() {
        LineState vty = device.config().vtySettings(line.vty());
        return Duration.ofMinutes(vty.execTimeoutMinutes()).plusSeconds(vty.execTimeoutSeconds());
    }

    private synchronized void schedule(Duration after) {
        if (timer != null && !after.isZero() && !stopped) {
            check = timer.schedule(this::check, after.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        Duration timeout = timeout();
        if (timeout.isZero()) {
            return;
        }
        Duration idle = Duration.between(line.lastInput(), device.clock().instant());
        if (idle.compareTo(timeout) >= 0 && logOut.getAsBoolean()) {
            return;
        }
        schedule(idle.compareTo(timeout) >= 0 ? timeout : timeout.minus(idle));
    }
}
