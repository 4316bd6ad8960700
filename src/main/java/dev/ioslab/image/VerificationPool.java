package dev.ioslab.image;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one shared, bounded pool for CPU work on images (MD5/SHA-512 of flash files, signature checks). Work is
 * queued per owner (a device name) and taken round-robin between owners, so one device that queues a hundred
 * verifications cannot starve another that queues one: each owner waits for at most one task of every other
 * owner before its next task starts.
 *
 * <p>Signature checks of signed images ({@link #verifyImage}, {@link #inspectImage}) are tasks like any other. While
 * the pool is busy it logs its queue depth, busy workers and completed tasks per second at most every
 * {@value #REPORT_INTERVAL_SECONDS} s; {@link #stats()} gives the same figures at any time.
 *
 * <p>Threading: {@code workers} daemon threads named {@code ioslab-verify-N}, started at the first
 * {@link #submit}, so a pool that is never used costs no thread. All methods are thread-safe and never block the
 * caller; a task's result or failure completes the returned future on the worker thread. Cancelling a returned
 * future takes a queued task out of the queue at once.
 */
public final class VerificationPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationPool.class);
    static final long REPORT_INTERVAL_SECONDS = 10;

    private final int workers;
    private final Object lock = new Object();
    /** Queued tasks per owner. */
    private final Map<String, ArrayDeque<Task<?>>> queues = new HashMap<>();
    /** Owners with queued tasks, in the order they get their next turn. */
    private final ArrayDeque<String> turns = new ArrayDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private final LongSupplier nanoTime;
    private final VerificationTimings timings;
    private int queued;
    private int busy;
    private long completed;
    private long completedAtReport;
    private long lastReport;
    private boolean closed;

    /** A pool of {@code workers} threads (at least one). */
    public VerificationPool(int workers) {
        this(workers, VerificationTimings.NONE);
    }

    /** A pool of {@code workers} threads that tells {@code timings} how long each task ran. */
    public VerificationPool(int workers, VerificationTimings timings) {
        this(workers, System::nanoTime, timings);
    }

    /** A pool whose busy reports read {@code nanoTime} (tests inject a clock they move). */
    VerificationPool(int workers, LongSupplier nanoTime) {
        this(workers, nanoTime, VerificationTimings.NONE);
    }

    private VerificationPool(int workers, LongSupplier nanoTime, VerificationTimings timings) {
        if (workers < 1) {
            throw new IllegalArgumentException("a verification pool needs at least one worker: " + workers);
        }
        this.workers = workers;
        this.nanoTime = nanoTime;
        this.timings = timings;
        this.lastReport = nanoTime.getAsLong();
    }

    /** The pool's load at one instant. */
    public record Stats(int workers, int busyWorkers, int queueDepth, long completed) {
    }

    /**
     * Queues {@code task} behind the other tasks of {@code owner}. The future completes with the task's result, or
     * exceptionally with what it threw; a task whose future was cancelled before it started is skipped.
     * After {@link #close()} the future fails with {@link RejectedExecutionException}.
     */
    public <T> CompletableFuture<T> submit(String owner, Callable<T> task) {
        Task<T> t = new Task<>(owner, task);
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new RejectedExecutionException("verification pool closed"));
            }
            startWorkers();
            ArrayDeque<Task<?>> queue = queues.computeIfAbsent(owner, o -> new ArrayDeque<>());
            if (queue.isEmpty()) {
                turns.addLast(owner);
            }
            queue.addLast(t);
            queued++;
            lock.notify();
        }
        t.future.whenComplete((v, e) -> {
            if (t.future.isCancelled()) {
                dequeue(t);
            }
        });
        return t.future;
    }

    /**
     * Verifies the signed image in {@code channel} against {@code keys} as a task of {@code owner} (see
     * {@link ImageVerifier#verify}); the channel is closed when the task ends or is dropped. The future fails with
     * the {@link IOException} of an unreadable file or a {@link CancellationException} when the check was cancelled
     * (its flag turned, or the future was cancelled: a queued check leaves the queue at once, a running one stops at
     * its next 1 MiB chunk).
     */
    public CompletableFuture<VerificationResult> verifyImage(String owner, FileChannel channel, TrustedKeys keys,
                                                             ImageCheck check) {
        // Cancelling the returned future stops a running check at its next chunk, as its own flag does.
        AtomicReference<CompletableFuture<VerificationResult>> self = new AtomicReference<>();
        ImageCheck stoppable = new ImageCheck(check.md5(), check.listener(),
                () -> check.cancelled().getAsBoolean() || self.get() != null && self.get().isCancelled());
        CompletableFuture<VerificationResult> future = submit(owner, () -> {
            try (channel) {
                return ImageVerifier.verify(channel, keys, stoppable);
            }
        });
        self.set(future);
        return closeAfter(channel, future);
    }

    /** Reads the trailer and envelope of the image in {@code channel} as a task of {@code owner}; closes it. */
    public CompletableFuture<Inspection> inspectImage(String owner, FileChannel channel) {
        return closeAfter(channel, submit(owner, () -> {
            try (channel) {
                return ImageVerifier.inspect(channel);
            }
        }));
    }

    private static <T> CompletableFuture<T> closeAfter(FileChannel channel, CompletableFuture<T> future) {
        future.whenComplete((v, e) -> {
            if (e != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Closing a read-only channel that failed: nothing left to release.
                }
            }
        });
        return future;
    }

    /** Workers, busy workers, queue depth and tasks completed so far. */
    public Stats stats() {
        synchronized (lock) {
            return new Stats(workers, busy, queued, completed);
        }
    }

    /** Tasks waiting for a worker, all owners together. */
    public int queueDepth() {
        synchronized (lock) {
            return queued;
        }
    }

    /** Workers running a task now. */
    public int busyWorkers() {
        synchronized (lock) {
            return busy;
        }
    }

    /** The configured number of workers. */
    public int workers() {
        return workers;
    }

    /** Stops the workers after their current task; queued tasks fail with {@link CancellationException}. */
    @Override
    public void close() {
        List<Task<?>> dropped = new ArrayList<>();
        List<Thread> running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            queues.values().forEach(dropped::addAll);
            queues.clear();
            turns.clear();
            queued = 0;
            running = List.copyOf(threads);
            lock.notifyAll();
        }
        dropped.forEach(t -> t.future.completeExceptionally(new CancellationException("verification pool closed")));
        running.forEach(Thread::interrupt);
        LOG.debug("Verification pool closed, {} queued tasks dropped", dropped.size());
    }

    private void startWorkers() {
        if (!threads.isEmpty()) {
            return;
        }
        for (int i = 0; i < workers; i++) {
            Thread thread = new Thread(this::work, "ioslab-verify-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        LOG.info("Verification pool started with {} workers", workers);
    }

    private void work() {
        while (true) {
            Task<?> task;
            synchronized (lock) {
                while (!closed && turns.isEmpty()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        if (closed) {
                            return;
                        }
                    }
                }
                if (closed) {
                    return;
                }
                task = next();
                busy++;
            }
            long started = nanoTime.getAsLong();
            try {
                task.run();
            } finally {
                synchronized (lock) {
                    busy--;
                    completed++;
                    reportIfBusy();
                }
                timings.taskFinished(nanoTime.getAsLong() - started);
                // A task interrupted by close() must not leave the flag set for the next one.
                Thread.interrupted();
            }
        }
    }

    /**
     * Logs the load at most every {@value #REPORT_INTERVAL_SECONDS} s while tasks are running or waiting; the caller
     * holds the lock.
     */
    private void reportIfBusy() {
        long now = nanoTime.getAsLong();
        long elapsed = now - lastReport;
        if (elapsed < REPORT_INTERVAL_SECONDS * 1_000_000_000L) {
            return;
        }
        if (busy > 0 || queued > 0) {
            double rate = (completed - completedAtReport) * 1e9 / elapsed;
            LOG.info("Verification pool busy: {} queued, {}/{} workers busy, {} verifications/s", queued, busy,
                    workers, String.format(Locale.ROOT, "%.1f", rate));
        }
        lastReport = now;
        completedAtReport = completed;
    }

    /** Takes a cancelled task out of its owner's queue, if it is still there. */
    private void dequeue(Task<?> task) {
        synchronized (lock) {
            ArrayDeque<Task<?>> queue = queues.get(task.owner);
            if (queue == null || !queue.remove(task)) {
                return;
            }
            queued--;
            if (queue.isEmpty()) {
                queues.remove(task.owner);
                turns.remove(task.owner);
            }
        }
    }

    /** The next task in round-robin order; the caller holds the lock and there is at least one turn. */
    private Task<?> next() {
        String owner = turns.pollFirst();
        ArrayDeque<Task<?>> queue = queues.get(owner);
        Task<?> task = queue.pollFirst();
        queued--;
        if (queue.isEmpty()) {
            queues.remove(owner);
        } else {
            turns.addLast(owner);
        }
        return task;
    }

    /** A queued callable and the future it completes. */
    private static final class Task<T> {
        private final String owner;
        private final Callable<T> callable;
        private final CompletableFuture<T> future = new CompletableFuture<>();

        Task(String owner, Callable<T> callable) {
            this.owner = owner;
            this.callable = callable;
        }

        void run() {
            if (future.isDone()) {
                return;
            }
            try {
                future.complete(callable.call());
            } catch (Exception e) {
                future.completeExceptionally(e);
            } catch (Error e) {
                LOG.error("Verification task of {} failed", owner, e);
                future.completeExceptionally(e);
            }
        }
    }
}
