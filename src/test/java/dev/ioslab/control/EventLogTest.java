package dev.ioslab.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.device.DeviceEvent;
import dev.ioslab.device.DeviceEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventLogTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T23:00:00.123Z"), ZoneOffset.UTC);

    private static DeviceEvent command(String line) {
        return new DeviceEvent.CommandEntered(line, "exec", 15, "admin", 0);
    }

    private static List<String> lines(List<LoggedEvent> events) {
        return events.stream().map(e -> ((DeviceEvent.CommandEntered) e.event()).line()).toList();
    }

    @Test
    void numbersEventsWithOneSequenceAcrossDevices() {
        EventLog log = new EventLog(clock, 100);
        log.forDevice("r1").publish(command("show version"));
        log.forDevice("r2").publish(command("show clock"));
        log.forDevice("r1").publish(command("dir"));

        EventLog.Page r1 = log.since("r1", 0, 100);
        assertThat(r1.events()).extracting(LoggedEvent::seq).containsExactly(1L, 3L);
        assertThat(r1.events()).extracting(LoggedEvent::device).containsOnly("r1");
        assertThat(r1.next()).isEqualTo(3);
        assertThat(r1.dropped()).isZero();
        assertThat(log.since(0, 100).events()).extracting(LoggedEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(log.since(0, 100).events().get(0).at()).isEqualTo(clock.instant());
    }

    @Test
    void sinceReturnsOnlyNewerEventsAndNextReadsOn() {
        EventLog log = new EventLog(clock, 100);
        DeviceEvents r1 = log.forDevice("r1");
        r1.publish(command("a"));
        r1.publish(command("b"));
        EventLog.Page first = log.since("r1", 0, 100);
        r1.publish(command("c"));

        EventLog.Page second = log.since("r1", first.next(), 100);
        assertThat(lines(second.events())).containsExactly("c");
        EventLog.Page third = log.since("r1", second.next(), 100);
        assertThat(third.events()).isEmpty();
        assertThat(third.next()).isEqualTo(second.next());
    }

    @Test
    void limitPagesThroughEveryDevice() {
        EventLog log = new EventLog(clock, 100);
        for (int i = 0; i < 5; i++) {
            log.publish(i % 2 == 0 ? "r1" : "r2", command("c" + i));
        }
        EventLog.Page page = log.since(0, 2);
        assertThat(lines(page.events())).containsExactly("c0", "c1");
        assertThat(lines(log.since(page.next(), 2).events())).containsExactly("c2", "c3");
    }

    @Test
    void fullRingDropsTheOldestAndSaysHowManyWereLost() {
        EventLog log = new EventLog(clock, 3);
        DeviceEvents r1 = log.forDevice("r1");
        for (int i = 1; i <= 5; i++) {
            r1.publish(command("c" + i));
        }
        EventLog.Page all = log.since("r1", 0, 100);
        assertThat(lines(all.events())).containsExactly("c3", "c4", "c5");
        assertThat(all.dropped()).isEqualTo(2);
        EventLog.Page recent = log.since("r1", 2, 100);
        assertThat(recent.dropped()).isZero();
        assertThat(lines(recent.events())).containsExactly("c3", "c4", "c5");
        assertThat(log.since("r1", 1, 100).dropped()).isEqualTo(1);
    }

    @Test
    void unknownDeviceHasNoEvents() {
        EventLog log = new EventLog(clock, 3);
        EventLog.Page page = log.since("r9", 7, 100);
        assertThat(page.events()).isEmpty();
        assertThat(page.next()).isEqualTo(7);
    }

    @Test
    void followReplaysFromSinceThenDeliversNewEventsOnce() {
        EventLog log = new EventLog(clock, 100);
        DeviceEvents r1 = log.forDevice("r1");
        r1.publish(command("a"));
        r1.publish(command("b"));
        List<LoggedEvent> seen = Collections.synchronizedList(new ArrayList<>());
        EventLog.Subscription s = log.follow(Optional.of("r1"), Optional.of(1L), seen::add);
        r1.publish(command("c"));
        log.forDevice("r2").publish(command("elsewhere"));

        assertThat(lines(seen)).containsExactly("b", "c");
        s.close();
        r1.publish(command("d"));
        assertThat(lines(seen)).containsExactly("b", "c");
        assertThat(log.followers()).isZero();
    }

    @Test
    void followWithoutSinceStartsWithTheNextEvent() {
        EventLog log = new EventLog(clock, 100);
        log.publish("r1", command("old"));
        List<LoggedEvent> seen = Collections.synchronizedList(new ArrayList<>());
        try (EventLog.Subscription s = log.follow(Optional.empty(), Optional.empty(), seen::add)) {
            log.publish("r2", command("new"));
            assertThat(lines(seen)).containsExactly("new");
        }
    }

    @Test
    void slowFollowerDropsAndCountsWhileThePublisherGoesOn() {
        EventLog log = new EventLog(clock, 100);
        AtomicInteger accepted = new AtomicInteger();
        // A reader whose buffer holds two lines and is never read again.
        EventLog.Subscription s = log.follow(Optional.of("r1"), Optional.empty(),
                e -> accepted.incrementAndGet() <= 2);
        DeviceEvents r1 = log.forDevice("r1");
        for (int i = 0; i < 50; i++) {
            r1.publish(command("c" + i));
        }
        assertThat(s.dropped()).isEqualTo(48);
        assertThat(log.streamDrops()).isEqualTo(48);
        assertThat(log.since("r1", 0, 100).events()).hasSize(50);
    }

    @Test
    void concurrentPublishersLoseNothingAndFollowersSeeEachDeviceInOrder() throws Exception {
        EventLog log = new EventLog(clock, 10_000);
        int devices = 4;
        int perDevice = 2_000;
        List<LoggedEvent> followed = Collections.synchronizedList(new ArrayList<>());
        EventLog.Subscription s = log.follow(Optional.empty(), Optional.of(0L), followed::add);
        ExecutorService threads = Executors.newFixedThreadPool(devices);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            DeviceEvents events = log.forDevice("r" + d);
            done.add(threads.submit(() -> {
                go.await();
                for (int i = 0; i < perDevice; i++) {
                    events.publish(command(Integer.toString(i)));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();
        s.close();

        assertThat(log.lastSeq()).isEqualTo((long) devices * perDevice);
        assertThat(log.since(0, devices * perDevice).events()).extracting(LoggedEvent::seq).doesNotHaveDuplicates()
                .hasSize(devices * perDevice);
        assertThat(followed).hasSize(devices * perDevice);
        for (int d = 0; d < devices; d++) {
            String name = "r" + d;
            List<String> order = lines(followed.stream().filter(e -> e.device().equals(name)).toList());
            assertThat(order).hasSize(perDevice);
            for (int i = 0; i < perDevice; i++) {
                assertThat(order.get(i)).isEqualTo(Integer.toString(i));
            }
        }
    }

    @Test
    void followerOpenedWhileDevicesPublishMissesAndRepeatsNothing() throws Exception {
        EventLog log = new EventLog(clock, 100_000);
        DeviceEvents r1 = log.forDevice("r1");
        for (int i = 0; i < 1_000; i++) {
            r1.publish(command(Integer.toString(i)));
        }
        CountDownLatch started = new CountDownLatch(1);
        Thread publisher = new Thread(() -> {
            started.countDown();
            for (int i = 1_000; i < 20_000; i++) {
                r1.publish(command(Integer.toString(i)));
            }
        });
        publisher.start();
        started.await();
        List<LoggedEvent> followed = Collections.synchronizedList(new ArrayList<>());
        EventLog.Subscription s = log.follow(Optional.of("r1"), Optional.of(0L), followed::add);
        publisher.join(30_000);
        s.close();

        assertThat(s.dropped()).isZero();
        List<String> order = lines(followed);
        assertThat(order).hasSize(20_000);
        for (int i = 0; i < order.size(); i++) {
            assertThat(order.get(i)).isEqualTo(Integer.toString(i));
        }
    }

    @Test
    void aRackWidePageNeverSkipsAnEventThatAnotherDeviceWasStillAppending() throws Exception {
        EventLog log = new EventLog(clock, 100);
        // The three rings in the order the log walks them (its map iterates as this one does for the same keys).
        Map<String, Boolean> order = new ConcurrentHashMap<>();
        List.of("r1", "r2", "r3").forEach(d -> order.put(d, true));
        List<String> walk = new ArrayList<>(order.keySet());
        String first = walk.get(0);
        String middle = walk.get(1);
        String last = walk.get(2);
        walk.forEach(d -> log.forDevice(d).publish(command("boot")));
        long seen = log.lastSeq();
        // A follower of the middle device holds that device's ring lock while it takes one event, as a publisher
        // that is mid-append does.
        CountDownLatch inSink = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        log.follow(Optional.of(middle), Optional.empty(), event -> {
            inSink.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        });
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            threads.submit(() -> log.forDevice(middle).publish(command("held")));
            assertThat(inSink.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<EventLog.Page> page = new CompletableFuture<>();
            Thread reader = new Thread(() -> page.complete(log.since(seen, 100)), "rack-wide-reader");
            reader.start();
            // The reader has walked past the first ring and waits for the middle one's lock.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (reader.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
                Thread.yield();
            }
            assertThat(reader.getState()).isEqualTo(Thread.State.BLOCKED);
            log.forDevice(first).publish(command("behind the reader"));
            log.forDevice(last).publish(command("ahead of the reader"));
            release.countDown();
            EventLog.Page one = page.get(10, TimeUnit.SECONDS);

            List<LoggedEvent> read = new ArrayList<>(one.events());
            read.addAll(log.since(one.next(), 100).events());
            assertThat(lines(read)).as("paging on from next reads every event once")
                    .containsExactlyInAnyOrder("held", "behind the reader", "ahead of the reader");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }
}
