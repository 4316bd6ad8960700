package dev.ioslab.control;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rack's planned faults: added, listed, removed and reset through the control API, consulted by the seams of
 * the packages that fail ({@link FaultSeams}). A fault fires at most {@code count} times (or until removed), each
 * time only with its {@code probability} (drawn from the injected {@link Random}), and only on operations its
 * {@link FaultMatch} accepts; when several faults of one type match, the oldest fires. A fault that has fired its
 * count stays listed (with {@code fired}) until removed, but no longer acts. Every firing is told to the
 * {@link FiredListener}.
 *
 * <p>Threading: thread-safe and lock-free on the consulting path (a per-device copy-on-write list and atomic
 * counters), so seams may ask from event loops; the listener is called on the thread that fired the fault.
 */
public final class FaultPlans {

    private static final Logger LOG = LoggerFactory.getLogger(FaultPlans.class);

    /** Hears every firing, e.g. to publish a {@code fault-fired} event. */
    @FunctionalInterface
    public interface FiredListener {
        /** {@code fault} (as after this firing) acted on {@code device}; {@code detail} says on what. */
        void fired(String device, FaultView fault, String detail);
    }

    private final Clock clock;
    private final Random random;
    private final FiredListener listener;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, List<Planned>> byDevice = new ConcurrentHashMap<>();

    /** Fault plans whose firings nobody hears. */
    public FaultPlans(Clock clock, Random random) {
        this(clock, random, (device, fault, detail) -> { });
    }

    /**
     * @param random   draws the probability of each firing (seeded in tests)
     * @param listener hears every firing; must return at once
     */
    public FaultPlans(Clock clock, Random random, FiredListener listener) {
        this.clock = clock;
        this.random = random;
        this.listener = listener;
    }

    /** One planned fault and its counters. */
    private static final class Planned {
        final String id;
        final String device;
        final FaultSpec spec;
        final String createdAt;
        final AtomicLong fired = new AtomicLong();
        final AtomicLong remaining;

        Planned(String id, String device, FaultSpec spec, String createdAt) {
            this.id = id;
            this.device = device;
            this.spec = spec;
            this.createdAt = createdAt;
            this.remaining = new AtomicLong(spec.untilRemoved() ? Long.MAX_VALUE : spec.count());
        }

        FaultView view() {
            return new FaultView(id, device, spec, fired.get(), remaining.get(), createdAt);
        }

        /** Takes one firing from the count; false when none is left. */
        boolean take() {
            if (spec.untilRemoved()) {
                return true;
            }
            long left;
            do {
                left = remaining.get();
                if (left <= 0) {
                    return false;
                }
            } while (!remaining.compareAndSet(left, left - 1));
            return true;
        }
    }

    /** Plans {@code spec} on {@code device} (which the caller has checked exists) and returns it with its id. */
    public FaultView add(String device, FaultSpec spec) {
        Planned planned = new Planned("f" + ids.incrementAndGet(), device, spec, clock.instant().toString());
        byDevice.computeIfAbsent(device, d -> new CopyOnWriteArrayList<>()).add(planned);
        LOG.info("{}: fault {} planned: {} {} {}", device, planned.id, spec.type().kind().label(),
                spec.type().label(), spec.parameters());
        return planned.view();
    }

    /** Every fault of every device, oldest first per device. */
    public List<FaultView> list() {
        List<FaultView> all = new ArrayList<>();
        byDevice.values().forEach(faults -> faults.forEach(p -> all.add(p.view())));
        all.sort((a, b) -> Long.compare(number(a.id()), number(b.id())));
        return all;
    }

    /** Every fault of {@code device}, oldest first. */
    public List<FaultView> list(String device) {
        return byDevice.getOrDefault(device, List.of()).stream().map(Planned::view).toList();
    }

    /** The faults of {@code device} that can still fire (for the device report). */
    public List<FaultView> active(String device) {
        return list(device).stream().filter(FaultView::active).toList();
    }

    /** Removes the fault {@code id}; false when there is none. */
    public boolean remove(String id) {
        for (List<Planned> faults : byDevice.values()) {
            if (faults.removeIf(p -> p.id.equals(id))) {
                LOG.info("fault {} removed", id);
                return true;
            }
        }
        return false;
    }

    /** Removes every fault of every device; returns how many there were. */
    public int reset() {
        int removed = 0;
        for (List<Planned> faults : byDevice.values()) {
            List<Planned> gone = new ArrayList<>(faults);
            faults.removeAll(gone);
            removed += gone.size();
        }
        LOG.info("all faults removed ({})", removed);
        return removed;
    }

    /** How many faults are planned, spent or not. */
    public int size() {
        return byDevice.values().stream().mapToInt(List::size).sum();
    }

    /**
     * Fires the oldest fault of {@code type} on {@code device} that matches {@code context}, has firings left and
     * wins its probability draw: its count goes down by one, {@code fired} up, and the listener hears it.
     *
     * @param detail what it acts on, for the listener (a URL, a file, a login)
     * @return the fault's plan when one fired
     */
    public Optional<FaultSpec> fire(String device, FaultType type, FaultMatch.Context context, String detail) {
        for (Planned p : byDevice.getOrDefault(device, List.of())) {
            if (p.spec.type() != type || p.remaining.get() <= 0 || !p.spec.match().matches(context)) {
                continue;
            }
            if (tryFire(p, detail)) {
                return Optional.of(p.spec);
            }
        }
        return Optional.empty();
    }

    /**
     * Fires the fault {@code id} of {@code device} itself, if it has firings left and wins its probability draw: for
     * a fault that acts once, when it is added ({@code drop-all}), and must not lend its turn to an older one.
     */
    public Optional<FaultSpec> fireAdded(String device, String id, String detail) {
        for (Planned p : byDevice.getOrDefault(device, List.of())) {
            if (p.id.equals(id)) {
                return tryFire(p, detail) ? Optional.of(p.spec) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Draws, takes a firing and tells the listener; false when the draw or the count said no. */
    private boolean tryFire(Planned p, String detail) {
        if (p.spec.probability() < 1.0 && random.nextDouble() >= p.spec.probability()) {
            return false;
        }
        if (!p.take()) {
            return false;
        }
        p.fired.incrementAndGet();
        FaultView view = p.view();
        FaultType type = p.spec.type();
        LOG.info("{}: fault {} ({} {}) fired: {}", p.device, p.id, type.kind().label(), type.label(), detail);
        try {
            listener.fired(p.device, view, detail);
        } catch (RuntimeException e) {
            LOG.warn("fault listener failed on {}: {}", p.id, e.toString());
        }
        return true;
    }

    /**
     * The oldest fault of {@code type} on {@code device} matching {@code context} with firings left, without firing
     * it (for a state such as pinned free space that {@code dir} shows).
     */
    public Optional<FaultSpec> peek(String device, FaultType type, FaultMatch.Context context) {
        for (Planned p : byDevice.getOrDefault(device, List.of())) {
            if (p.spec.type() == type && p.remaining.get() > 0 && p.spec.match().matches(context)) {
                return Optional.of(p.spec);
            }
        }
        return Optional.empty();
    }

    private static long number(String id) {
        return Long.parseLong(id.substring(1));
    }
}
