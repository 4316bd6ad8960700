package dev.ioslab.control;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * One open {@code follow} stream: the events it has missed since {@code since} are replayed first, while live events
 * arriving meanwhile wait in a bounded queue; then every new event goes straight to the sink. A sink that cannot take
 * an event (a slow or vanished reader) drops it and the drop is counted: a follower never makes a device wait.
 *
 * <p>Threading: {@link #deliver} is called by publishers under their device ring's lock; the replay runs on the
 * thread that opened the stream. The follower's own lock is held only for non-blocking sends.
 */
final class EventFollower implements EventLog.Subscription {

    /** Live events kept while the replay runs; more are dropped and counted. */
    static final int PENDING_LIMIT = 10_000;

    private final EventLog.EventSink sink;
    private final LongAdder logDrops;
    private final Object lock = new Object();
    private final ArrayDeque<LoggedEvent> pending = new ArrayDeque<>();
    private final LongAdder dropped = new LongAdder();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable unregister;
    private boolean replaying = true;
    /** Live events were dropped during the replay because the queue was full: the replay must read the ring again. */
    private boolean overflowed;

    EventFollower(EventLog.EventSink sink, LongAdder logDrops, Runnable unregister) {
        this.sink = sink;
        this.logDrops = logDrops;
        this.unregister = unregister;
    }

    /** A live event: queued while the replay runs, sent otherwise. */
    void deliver(LoggedEvent event) {
        synchronized (lock) {
            if (closed.get()) {
                return;
            }
            if (replaying) {
                if (pending.size() < PENDING_LIMIT) {
                    pending.addLast(event);
                } else {
                    overflowed = true;
                    pending.clear();
                }
                return;
            }
            send(event);
        }
    }

    /** Sends one replayed event, once the sink has room (it waits at most as long as the sink allows). */
    void replay(LoggedEvent event) {
        awaitRoom();
        if (!closed.get()) {
            send(event);
        }
    }

    /** Lets the sink wait for room before the replay sends more (outside every lock: publishers never wait). */
    void awaitRoom() {
        if (closed.get()) {
            return;
        }
        try {
            sink.awaitRoom();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends the replay when the live events queued meanwhile all fit: sends those the replay did not already cover
     * ({@code replayedUpTo}: the newest seq replayed per device; {@code since} for devices not replayed) and switches
     * to live delivery. Returns {@code false}, and keeps replaying, when the queue overflowed and the caller must
     * read the ring again from where it got to; with {@code force} it goes live anyway and counts what was lost.
     */
    boolean endReplay(Map<String, Long> replayedUpTo, long since, boolean force) {
        Map<String, Long> covered = new HashMap<>(replayedUpTo);
        synchronized (lock) {
            if (overflowed && !force) {
                overflowed = false;
                return false;
            }
            if (overflowed) {
                drop();
            }
            for (LoggedEvent e : pending) {
                if (e.seq() > covered.getOrDefault(e.device(), since) && !closed.get()) {
                    send(e);
                }
            }
            pending.clear();
            replaying = false;
        }
        return true;
    }

    private void send(LoggedEvent event) {
        if (!sink.offer(event)) {
            drop();
        }
    }

    private void drop() {
        dropped.increment();
        logDrops.increment();
    }

    @Override
    public long dropped() {
        return dropped.sum();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            unregister.run();
            synchronized (lock) {
                pending.clear();
            }
        }
    }
}
