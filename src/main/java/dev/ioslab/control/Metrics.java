package dev.ioslab.control;

import dev.ioslab.device.ActiveLine;
import dev.ioslab.device.Device;
import dev.ioslab.image.VerificationPool;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The daemon's Prometheus metrics ({@code ioslab_} prefix, text format 0.0.4): gauges read at scrape time (devices by
 * state, sessions by protocol, the verification pool's workers, busy workers and queue depth, open event streams)
 * and counters fed by the event stream ({@link EventCounters}), plus the pool's task duration histogram.
 *
 * <p>Threading: {@link #scrape} may run on any thread, concurrently with publishers; it takes no device lock longer
 * than reading a line table and never blocks.
 */
public final class Metrics {

    private final RackView rack;
    private final Supplier<Map<String, Long>> devicesByState;
    private final Supplier<VerificationPool.Stats> pool;
    private final DurationHistogram verificationDurations;
    private final EventCounters counters;
    private final EventLog log;

    /**
     * @param devicesByState        device count per state ({@code booting}, {@code running}, {@code rommon},
     *                              {@code stopped}), from the lifecycle
     * @param pool                  the verification pool's current load ({@code verificationPool::stats})
     * @param verificationDurations the histogram the pool was built with
     * @param counters              the listener added to {@code log}
     */
    public Metrics(RackView rack, Supplier<Map<String, Long>> devicesByState, Supplier<VerificationPool.Stats> pool,
                   DurationHistogram verificationDurations, EventCounters counters, EventLog log) {
        this.rack = rack;
        this.devicesByState = devicesByState;
        this.pool = pool;
        this.verificationDurations = verificationDurations;
        this.counters = counters;
        this.log = log;
    }

    /** The exposition, as {@code GET /metrics} serves it. */
    public String scrape() {
        MetricsText out = new MetricsText();
        out.family("ioslab_devices", "gauge", "Devices by state.");
        new TreeMap<>(devicesByState.get()).forEach((state, n) -> out.sample("ioslab_devices", n, "state", state));
        out.family("ioslab_sessions", "gauge", "Logged-in sessions by protocol.");
        sessionsByProtocol().forEach((protocol, n) -> out.sample("ioslab_sessions", n, "protocol", protocol));
        VerificationPool.Stats stats = pool.get();
        out.family("ioslab_verification_workers", "gauge", "Threads of the verification pool.");
        out.sample("ioslab_verification_workers", stats.workers());
        out.family("ioslab_verification_busy_workers", "gauge", "Verification workers running a task.");
        out.sample("ioslab_verification_busy_workers", stats.busyWorkers());
        out.family("ioslab_verification_queue_depth", "gauge", "Verification tasks waiting for a worker.");
        out.sample("ioslab_verification_queue_depth", stats.queueDepth());
        out.family("ioslab_verification_duration_seconds", "histogram",
                "How long verification-pool tasks ran, queueing not counted.");
        verificationDurations.writeTo(out, "ioslab_verification_duration_seconds");
        counters.writeTo(out);
        out.family("ioslab_events_total", "counter", "Events published by all devices.");
        out.sample("ioslab_events_total", log.lastSeq());
        out.family("ioslab_event_stream_dropped_total", "counter",
                "Events not sent to a follow stream because its reader was slow or gone.");
        out.sample("ioslab_event_stream_dropped_total", log.streamDrops());
        out.family("ioslab_event_streams", "gauge", "Open follow streams.");
        out.sample("ioslab_event_streams", log.followers());
        return out.toString();
    }

    private Map<String, Long> sessionsByProtocol() {
        Map<String, Long> sessions = new TreeMap<>();
        sessions.put("ssh", 0L);
        sessions.put("telnet", 0L);
        for (Device device : rack.devices()) {
            for (ActiveLine line : device.activeLines()) {
                if (line.loggedIn()) {
                    sessions.merge(line.protocol().isEmpty() ? "other" : line.protocol(), 1L, Long::sum);
                }
            }
        }
        return sessions;
    }
}
