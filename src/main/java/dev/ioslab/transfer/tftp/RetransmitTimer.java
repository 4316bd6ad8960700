package dev.ioslab.transfer.tftp;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The retransmission clock of one TFTP transfer (RFC 1350 section 2: both sides time out and retransmit). Each reply
 * that moves the transfer on calls {@link #restart()}; when nothing does for one interval the owner retransmits, and
 * the interval doubles up to four times the first one. After {@code retries} retransmissions, or when the transfer
 * has stood still for the idle limit, the owner is told the transfer timed out.
 *
 * <p>Restarting costs one clock read: a single scheduled task checks the deadline and re-arms itself, so a fast
 * transfer does not schedule and cancel a task per packet. Only after a back-off, when the task stands further out
 * than the fresh deadline, is it moved in. Used on its channel's event loop only.
 */
public final class RetransmitTimer {

    /** What the owner does when the clock runs out. */
    public interface Owner {
        /** Nothing came for one interval: send the last packet(s) again. */
        void retransmit();

        /** Retries or idle time are used up; {@code attempts} retransmissions were made. */
        void timedOut(int attempts);
    }

    private final EventExecutor executor;
    private final long firstInterval;
    private final long idleLimit;
    private final int retries;
    private final Owner owner;
    private final LongSupplier nanoTime;

    private long interval;
    private long lastProgress;
    private long deadline;
    private int attempts;
    private ScheduledFuture<?> task;
    /** When {@link #task} runs, on {@link #nanoTime}'s clock. */
    private long taskAt;
    private boolean stopped;

    public RetransmitTimer(EventExecutor executor, Duration interval, Duration idleLimit, int retries, Owner owner) {
        this(executor, interval, idleLimit, retries, owner, System::nanoTime);
    }

    /** The same on the clock {@code nanoTime}, which must run as the executor's does (a test's frozen clock). */
    RetransmitTimer(EventExecutor executor, Duration interval, Duration idleLimit, int retries, Owner owner,
                    LongSupplier nanoTime) {
        this.executor = executor;
        this.firstInterval = Math.max(1, interval.toNanos());
        this.idleLimit = Math.max(this.firstInterval, idleLimit.toNanos());
        this.retries = retries;
        this.owner = owner;
        this.nanoTime = nanoTime;
    }

    /** The transfer moved on: the next retransmission is one first interval away, with a fresh retry count. */
    public void restart() {
        if (stopped) {
            return;
        }
        long now = nanoTime.getAsLong();
        lastProgress = now;
        interval = firstInterval;
        attempts = 0;
        deadline = now + interval;
        if (task != null && taskAt - deadline > 0) {
            // Backed off: the task stands up to four intervals out; the next retransmission is one interval away.
            task.cancel(false);
            task = null;
        }
        if (task == null) {
            schedule(now, interval);
        }
    }

    /** The transfer is over; no more callbacks. */
    public void stop() {
        stopped = true;
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    private void schedule(long now, long delay) {
        taskAt = now + delay;
        task = executor.schedule(this::fire, delay, TimeUnit.NANOSECONDS);
    }

    private void fire() {
        task = null;
        if (stopped) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - deadline < 0) {
            schedule(now, deadline - now);
            return;
        }
        if (attempts >= retries || now - lastProgress >= idleLimit) {
            stopped = true;
            owner.timedOut(attempts);
            return;
        }
        attempts++;
        interval = Math.min(interval * 2, firstInterval * 4);
        deadline = now + interval;
        schedule(now, interval);
        owner.retransmit();
    }
}
