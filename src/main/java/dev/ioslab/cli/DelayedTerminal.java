package dev.ioslab.cli;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Terminal} whose every write (and the final close) reaches the real terminal {@code delay} later, in the
 * order written: the {@code session output-latency} fault. Writes wait in a queue drained by one task at a time on
 * the scheduler, so no I/O thread ever waits and the order never changes. A one-shot run's result is held back the
 * same way ({@link #after}), so that its caller closes only once the output is out.
 *
 * <p>Threading: thread-safe, as {@link Terminal} requires.
 */
final class DelayedTerminal implements Terminal {

    /** One write, the close, or a result, due at {@code dueNanos}. */
    private record Pending(long dueNanos, Runnable delivery) {
    }

    private final Terminal terminal;
    private final long delayNanos;
    private final ScheduledExecutorService scheduler;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean draining;

    DelayedTerminal(Terminal terminal, Duration delay, ScheduledExecutorService scheduler) {
        this.terminal = terminal;
        this.delayNanos = delay.toNanos();
        this.scheduler = scheduler;
    }

    @Override
    public void write(String text) {
        enqueue(() -> terminal.write(text));
    }

    @Override
    public void close() {
        enqueue(terminal::close);
    }

    /**
     * {@code result}, completed once everything written before {@code result} completed has been delivered;
     * cancelling it cancels {@code result}.
     */
    <T> CompletableFuture<T> after(CompletableFuture<T> result) {
        CompletableFuture<T> delivered = new CompletableFuture<>();
        delivered.exceptionally(cancelled -> {
            result.cancel(false);
            return null;
        });
        result.whenComplete((value, failure) -> enqueue(() -> {
            if (failure != null) {
                delivered.completeExceptionally(failure);
            } else {
                delivered.complete(value);
            }
        }));
        return delivered;
    }

    @Override
    public boolean backlogged() {
        return terminal.backlogged();
    }

    @Override
    public void whenDrained(Runnable action) {
        terminal.whenDrained(action);
    }

    private synchronized void enqueue(Runnable delivery) {
        queue.add(new Pending(System.nanoTime() + delayNanos, delivery));
        if (!draining) {
            draining = true;
            scheduler.schedule(this::drain, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void drain() {
        while (true) {
            Pending next;
            synchronized (this) {
                next = queue.peek();
                if (next == null) {
                    draining = false;
                    return;
                }
                long wait = next.dueNanos() - System.nanoTime();
                if (wait > 0) {
                    scheduler.schedule(this::drain, wait, TimeUnit.NANOSECONDS);
                    return;
                }
                queue.poll();
            }
            next.delivery().run();
        }
    }
}
