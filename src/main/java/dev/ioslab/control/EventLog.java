package dev.ioslab.control;

import dev.ioslab.device.DeviceEvent;
import dev.ioslab.device.DeviceEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The daemon's event log: every device's events numbered by one daemon-wide sequence, the newest
 * {@code capacityPerDevice} kept per device in a ring (older ones are dropped and counted), read back by sequence
 * number, and streamed to followers. Listeners (the metrics) hear every event as it is published.
 *
 * <p>Threading: {@link #publish} may be called from any thread and only appends under the device's ring lock, hands
 * the event to followers whose sinks never block (a slow reader drops events) and to listeners that only count.
 * Sequence numbers rise in publishing order per device; across devices a follower may see neighbours swapped.
 */
public final class EventLog {

    /** How many events each device keeps by default. */
    public static final int DEFAULT_CAPACITY = 10_000;
    /** How often a follower's replay reads the rings again before it goes live regardless. */
    private static final int REPLAY_ROUNDS = 8;

    private final Clock clock;
    private final int capacity;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, DeviceRing> rings = new ConcurrentHashMap<>();
    private final List<EventFollower> everyDevice = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder streamDrops = new LongAdder();

    /** Hears every event as it is published; must return at once (count, never wait). */
    @FunctionalInterface
    public interface Listener {
        void published(LoggedEvent event);
    }

    /** Where a follower's events go: {@code false} when the event was dropped (slow or gone reader). Never blocks. */
    @FunctionalInterface
    public interface EventSink {
        boolean offer(LoggedEvent event);

        /**
         * Called by the replay (on the thread that opened the follower, never a device's) before each replayed event
         * and before going live: may wait, bounded, until an offer would not be dropped, so that a reader that keeps
         * up gets the whole backlog. Does not wait by default.
         */
        default void awaitRoom() throws InterruptedException {
        }
    }

    /** An open follower. */
    public interface Subscription extends AutoCloseable {
        /** Events this follower's sink dropped. */
        long dropped();

        /** Stops delivering; idempotent. */
        @Override
        void close();
    }

    /**
     * The events newer than a sequence number.
     *
     * @param next    the sequence number to pass as {@code since} to read on from here
     * @param dropped events newer than {@code since} that the ring no longer holds (see {@link DeviceRing})
     */
    public record Page(List<LoggedEvent> events, long next, long dropped) {
        public Page {
            events = List.copyOf(events);
        }
    }

    public EventLog(Clock clock, int capacityPerDevice) {
        if (capacityPerDevice < 1) {
            throw new IllegalArgumentException("an event ring needs room for one event: " + capacityPerDevice);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = capacityPerDevice;
    }

    /** What {@code device} publishes to: the object handed to {@code Device.publishEventsTo}. */
    public DeviceEvents forDevice(String device) {
        Objects.requireNonNull(device, "device");
        DeviceRing ring = ring(device);
        return event -> append(device, ring, event);
    }

    /** Publishes {@code event} of {@code device} (faults that fire elsewhere use this). */
    public void publish(String device, DeviceEvent event) {
        append(device, ring(device), event);
    }

    /** Adds a listener for every event published from now on. */
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The newest sequence number given so far (0 before the first event). */
    public long lastSeq() {
        return sequence.get();
    }

    /** Events every follower dropped because its reader was slow or gone, since start. */
    public long streamDrops() {
        return streamDrops.sum();
    }

    /** Open followers. */
    public int followers() {
        int n = everyDevice.size();
        for (DeviceRing ring : rings.values()) {
            n += ring.followers.size();
        }
        return n;
    }

    /** Up to {@code limit} events of {@code device} newer than {@code since}, oldest first. */
    public Page since(String device, long since, int limit) {
        DeviceRing ring = rings.get(device);
        if (ring == null) {
            return new Page(List.of(), since, 0);
        }
        List<LoggedEvent> events = new ArrayList<>();
        long dropped;
        synchronized (ring) {
            ring.collect(since, limit, events);
            dropped = ring.droppedAfter(since);
        }
        return new Page(events, events.isEmpty() ? since : events.get(events.size() - 1).seq(), dropped);
    }

    /**
     * Up to {@code limit} events of every device newer than {@code since}, in sequence order. Only events numbered
     * before the walk began are returned: a number is taken and its event appended under one ring's lock, so every
     * event up to that point is in its ring by the time the walk locks it, while a later one may land in a ring
     * already walked past behind a higher number in a ring not yet walked (and {@code next} would skip it).
     */
    public Page since(long since, int limit) {
        long complete = sequence.get();
        List<LoggedEvent> events = new ArrayList<>();
        long dropped = 0;
        for (DeviceRing ring : rings.values()) {
            synchronized (ring) {
                ring.collect(since, limit, events);
                dropped += ring.droppedAfter(since);
            }
        }
        events.removeIf(e -> e.seq() > complete);
        events.sort(Comparator.comparingLong(LoggedEvent::seq));
        List<LoggedEvent> page = events.size() > limit ? events.subList(0, limit) : events;
        return new Page(page, page.isEmpty() ? since : page.get(page.size() - 1).seq(), dropped);
    }

    /**
     * Follows {@code device} (every device when empty): first the events newer than {@code since} still held (none
     * when {@code since} is empty: only what comes next), then every new one, until the subscription is closed.
     * The replay runs on the calling thread, so call it off any event loop.
     */
    public Subscription follow(Optional<String> device, Optional<Long> since, EventSink sink) {
        long from = since.orElseGet(sequence::get);
        List<EventFollower> list = device.map(d -> ring(d).followers).orElse(everyDevice);
        EventFollower[] self = new EventFollower[1];
        EventFollower follower = new EventFollower(sink, streamDrops, () -> list.remove(self[0]));
        self[0] = follower;
        list.add(follower);
        Map<String, Long> replayedUpTo = new HashMap<>();
        // Publishers faster than the replay overflow the follower's queue of live events: read the rings again from
        // where the replay got to, a bounded number of times, then go live counting what was lost.
        for (int round = 1; ; round++) {
            if (since.isPresent()) {
                replay(device, from, replayedUpTo).forEach(follower::replay);
            }
            follower.awaitRoom();
            if (follower.endReplay(replayedUpTo, from, round == REPLAY_ROUNDS)) {
                return follower;
            }
        }
    }

    /** The events not replayed yet (newer than {@code replayedUpTo}, else {@code from}), in seq order. */
    private List<LoggedEvent> replay(Optional<String> device, long from, Map<String, Long> replayedUpTo) {
        List<LoggedEvent> backlog = new ArrayList<>();
        if (device.isPresent()) {
            String d = device.get();
            backlog.addAll(DeviceRing.snapshot(ring(d), replayedUpTo.getOrDefault(d, from), replayedUpTo, d));
        } else {
            for (Map.Entry<String, DeviceRing> e : rings.entrySet()) {
                String d = e.getKey();
                backlog.addAll(DeviceRing.snapshot(e.getValue(), replayedUpTo.getOrDefault(d, from), replayedUpTo, d));
            }
            backlog.sort(Comparator.comparingLong(LoggedEvent::seq));
        }
        return backlog;
    }

    private DeviceRing ring(String device) {
        return rings.computeIfAbsent(device, d -> new DeviceRing(capacity));
    }

    private void append(String device, DeviceRing ring, DeviceEvent event) {
        Objects.requireNonNull(event, "event");
        LoggedEvent logged;
        synchronized (ring) {
            logged = new LoggedEvent(sequence.incrementAndGet(), device, clock.instant(), event);
            ring.append(logged);
            for (EventFollower f : ring.followers) {
                f.deliver(logged);
            }
            for (EventFollower f : everyDevice) {
                f.deliver(logged);
            }
        }
        for (Listener l : listeners) {
            l.published(logged);
        }
    }
}
