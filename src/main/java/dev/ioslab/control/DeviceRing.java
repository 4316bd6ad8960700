package dev.ioslab.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The newest events of one device, at most {@code capacity}; the oldest leaves when a new one arrives on a full
 * ring, and is counted. Threading: guarded by the ring's own lock; every method returns at once.
 */
final class DeviceRing {

    private final int capacity;
    private final ArrayDeque<LoggedEvent> events;
    /** Streams following this device only; delivered to under the ring's lock so each sees the device's order. */
    final List<EventFollower> followers = new CopyOnWriteArrayList<>();
    private long evicted;
    private long lastEvictedSeq;

    DeviceRing(int capacity) {
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 64));
    }

    /** Appends {@code event} (its seq is above every seq already here); the caller holds the lock. */
    void append(LoggedEvent event) {
        if (events.size() == capacity) {
            LoggedEvent oldest = events.pollFirst();
            evicted++;
            lastEvictedSeq = oldest.seq();
        }
        events.addLast(event);
    }

    /** Adds up to {@code limit} events newer than {@code since} to {@code into}, oldest first (lock held). */
    void collect(long since, int limit, List<LoggedEvent> into) {
        int added = 0;
        for (LoggedEvent e : events) {
            if (added == limit) {
                return;
            }
            if (e.seq() > since) {
                into.add(e);
                added++;
            }
        }
    }

    /**
     * How many events newer than {@code since} left the ring before they could be read: exact when {@code since} is 0
     * or older than every event of this device, otherwise at most that many (seq numbers are shared by all devices).
     */
    long droppedAfter(long since) {
        return since >= lastEvictedSeq ? 0 : Math.min(evicted, lastEvictedSeq - since);
    }

    /** The seq of the newest event here, or {@code fallback} when there is none. */
    long newestSeq(long fallback) {
        LoggedEvent newest = events.peekLast();
        return newest == null ? fallback : newest.seq();
    }

    /** A copy of everything newer than {@code since}, and the newest seq seen, for a follower's replay. */
    static List<LoggedEvent> snapshot(DeviceRing ring, long since, Map<String, Long> newestByDevice, String device) {
        List<LoggedEvent> copy = new ArrayList<>();
        synchronized (ring) {
            ring.collect(since, Integer.MAX_VALUE, copy);
            newestByDevice.put(device, Math.max(since, ring.newestSeq(since)));
        }
        return copy;
    }
}
