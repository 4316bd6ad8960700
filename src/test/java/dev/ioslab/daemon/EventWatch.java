package dev.ioslab.daemon;

import dev.ioslab.control.EventLog;
import dev.ioslab.control.LoggedEvent;
import dev.ioslab.device.DeviceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Follows a daemon's event log from its first event and lets a test wait (bounded) for the event it expects. */
final class EventWatch implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final LinkedBlockingQueue<LoggedEvent> arrived = new LinkedBlockingQueue<>();
    private final List<LoggedEvent> seen = new ArrayList<>();
    private int cursor;
    private final EventLog.Subscription subscription;

    EventWatch(EventLog log, String device) {
        subscription = log.follow(Optional.of(device), Optional.of(0L), arrived::add);
    }

    /**
     * Waits for the next event of {@code type} matching {@code test} after the one the previous call returned; fails
     * after {@link #WAIT}.
     */
    <T extends DeviceEvent> T await(Class<T> type, Predicate<T> test) throws InterruptedException {
        while (cursor < seen.size()) {
            LoggedEvent e = seen.get(cursor++);
            if (type.isInstance(e.event()) && test.test(type.cast(e.event()))) {
                return type.cast(e.event());
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            LoggedEvent e = arrived.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no " + type.getSimpleName() + " event as expected; saw " + events());
            }
            seen.add(e);
            cursor = seen.size();
            if (type.isInstance(e.event()) && test.test(type.cast(e.event()))) {
                return type.cast(e.event());
            }
        }
    }

    /** Everything seen so far, in order. */
    List<DeviceEvent> events() {
        arrived.drainTo(seen);
        return seen.stream().map(LoggedEvent::event).toList();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
