import dev.ioslab.control.EventCounters;
import dev.ioslab.control.EventLog;
import dev.ioslab.device.DeviceEvent;
import dev.ioslab.device.DeviceEvents;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * What publishing one device event costs the thread that publishes it (a session's or an I/O thread): with nobody
 * following, with the metrics' counters listening, and with a follow stream whose reader has stalled (every line
 * dropped). A stalled reader must cost the publisher no more than a reader that keeps up.
 *
 * <p>Run: {@code mvn -q -o compile && java -cp target/classes bench/EventLogPublish.java}
 */
public final class EventLogPublish {

    private static final int EVENTS = 2_000_000;

    public static void main(String[] args) {
        for (int round = 0; round < 2; round++) {
            boolean report = round == 1;
            measure("no follower, no listener", report, log -> { });
            measure("metrics counters", report, log -> log.addListener(new EventCounters()));
            measure("follower keeping up", report, log -> log.follow(Optional.empty(), Optional.empty(), e -> true));
            measure("follower stalled (drops)", report,
                    log -> log.follow(Optional.empty(), Optional.empty(), e -> false));
        }
    }

    private interface Setup {
        void apply(EventLog log);
    }

    private static void measure(String label, boolean report, Setup setup) {
        EventLog log = new EventLog(Clock.systemUTC(), EventLog.DEFAULT_CAPACITY);
        setup.apply(log);
        DeviceEvents r1 = log.forDevice("r1");
        DeviceEvent event = new DeviceEvent.CommandEntered("show version", "exec", 15, "admin", 0);
        long t0 = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
            r1.publish(event);
        }
        long ns = System.nanoTime() - t0;
        if (report) {
            System.out.printf(Locale.ROOT, "%-28s %6.0f ns/event  (%d events, %d dropped by streams)%n", label,
                    (double) ns / EVENTS, EVENTS, log.streamDrops());
        }
    }
}
