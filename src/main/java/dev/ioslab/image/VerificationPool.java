package dev.ioslab.image;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one shared, bounded pool for CPU work on images (MD5/SHA-512 of flash files, signature checks). Work is
 * queued per owner (a device name) and taken round-robin between owners, so one device that queues a hundred
 * verifications cannot starve another that queues one: each owner waits for at most one task of every other
 * owner before its next task starts.
 *
 * <p>Threading: {@code workers} daemon threads named {@code ioslab-verify-N}, started at the first
 * {@link #submit}, so a pool that is never used costs no thread. All methods are thread-safe and never block the
 * caller; a task's result or failure completes the returned future on the worker thread.
 */
public final class VerificationPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationPool.class);

    private final int workers;
    private final Object lock = new Object();
    /** Queued tasks per owner. */
    private final Map<String, ArrayDeque<Task<?>>> queues = new HashMap<>();
    /** Owners with queued tasks, in the order they get their next turn. */
    private final ArrayDeque<String> turns = new ArrayDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private int queued;
    private int busy;
    private boolean closed;

    /** A pool of {@code workers} threads (at least one). */
    public VerificationPool(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a verification pool needs at least one worker: " + workers);
        }
        this.workers = workers;
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
        return t.future;
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
            try {
                task.run();
            } finally {
                synchronized (lock) {
                    busy--;
                }
                // A task interrupted by close() must not leave the flag set for the next one.
                Thread.interrupted();
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
