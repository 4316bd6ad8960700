package dev.ioslab.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A device's pending {@code reload in|at}: when, why and who asked, the warnings IOS broadcasts five minutes and one
 * minute before ({@code *** --- SHUTDOWN in 0:05:00 ---}), and the reload itself. {@code reload cancel} removes it and
 * broadcasts {@code *** --- SHUTDOWN ABORTED ---}.
 *
 * <p>Threading: synchronised; timers run on the shared scheduler handed in.
 */
public final class ReloadSchedule {

    /** A pending reload as {@code show reload} describes it. */
    public record Pending(Instant at, String reason, String requestedBy) {
    }

    private static final List<Duration> WARNINGS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(1));

    private final Clock clock;
    private final Consumer<String> broadcast;
    private final Consumer<String> reload;
    private Pending pending;
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();

    /**
     * @param broadcast writes a banner to every session of the device
     * @param reload    restarts the device with the given reason
     */
    ReloadSchedule(Clock clock, Consumer<String> broadcast, Consumer<String> reload) {
        this.clock = clock;
        this.broadcast = broadcast;
        this.reload = reload;
    }

    /** Replaces any pending reload with one at {@code at}. */
    public synchronized void schedule(Instant at, String reason, String requestedBy,
                                      ScheduledExecutorService scheduler) {
        cancelTimers();
        Pending next = new Pending(at, reason, requestedBy);
        pending = next;
        Instant now = clock.instant();
        for (Duration before : WARNINGS) {
            Instant warnAt = at.minus(before);
            if (warnAt.isAfter(now)) {
                timers.add(scheduler.schedule(() -> warn(next, before), millis(now, warnAt), TimeUnit.MILLISECONDS));
            }
        }
        timers.add(scheduler.schedule(() -> fire(next), millis(now, at), TimeUnit.MILLISECONDS));
    }

    /** Cancels the pending reload and tells every session; false when none was pending. */
    public boolean cancel() {
        synchronized (this) {
            if (pending == null) {
                return false;
            }
            pending = null;
            cancelTimers();
        }
        broadcast.accept(banner("SHUTDOWN ABORTED"));
        return true;
    }

    /**
     * Forgets the pending reload without a banner: the device restarted (an immediate reload, a power cycle) and a
     * reload scheduled before lives in memory that the restart cleared.
     */
    synchronized void forget() {
        pending = null;
        cancelTimers();
    }

    public synchronized Optional<Pending> pending() {
        return Optional.ofNullable(pending);
    }

    /** IOS's broadcast banner: three blank lines, a bell, and the message between rows of stars. */
    static String banner(String message) {
        return "\r\n\r\n\r\n\u0007***\r\n*** --- " + message + " ---\r\n***\r\n";
    }

    /**
     * A timer acts only for the reload it was set for: one that began to run as its reload was replaced or cancelled
     * (too late for {@link ScheduledFuture#cancel}) finds another pending reload, or none, and does nothing.
     */
    private void warn(Pending mine, Duration before) {
        synchronized (this) {
            if (pending != mine) {
                return;
            }
        }
        long s = before.toSeconds();
        broadcast.accept(banner(String.format("SHUTDOWN in %d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)));
    }

    private void fire(Pending mine) {
        String reason;
        synchronized (this) {
            if (pending != mine) {
                return;
            }
            reason = pending.reason();
            pending = null;
            timers.clear();
        }
        broadcast.accept(banner("SHUTDOWN NOW"));
        reload.accept(reason);
    }

    private void cancelTimers() {
        timers.forEach(t -> t.cancel(false));
        timers.clear();
    }

    private static long millis(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }
}
