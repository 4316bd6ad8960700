package dev.ioslab.daemon;

import dev.ioslab.control.DeviceLifecycle;
import dev.ioslab.control.RackView;
import dev.ioslab.device.Device;
import dev.ioslab.device.DeviceEvent;
import dev.ioslab.fs.FsError;
import dev.ioslab.fs.FsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rack seen by the control API: its devices by name ({@link RackView}) and their power switch
 * ({@link DeviceLifecycle}), carried out through each device's {@link DeviceEndpoints}. A reset stops the device,
 * puts its disk state back to the factory's on the {@code blocking} executor ({@link DeviceFactory#factoryReset}) and
 * starts it; while it runs, every other request for that device is refused.
 *
 * <p>Threading: any thread. State answers are snapshots; the returned stages complete on the rack's scheduler or the
 * {@code blocking} executor, never on the caller's thread.
 */
final class RackLifecycle implements RackView, DeviceLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RackLifecycle.class);

    /** What a power-on leaves in {@code show version}. */
    static final String POWER_ON = "power-on";
    /** A file system busy with a write the stop is ending is tried again this often, at most {@link #RESET_TRIES}. */
    private static final long RESET_RETRY_MS = 50;
    private static final int RESET_TRIES = 200;

    private final Map<String, DeviceEndpoints> byName = new LinkedHashMap<>();
    private final DeviceFactory factory;
    private final Executor blocking;
    private final Set<String> resetting = new HashSet<>();

    /**
     * @param endpoints the started devices, in configuration order
     * @param factory   puts a device back to its factory state
     * @param blocking  where disk work runs
     */
    RackLifecycle(List<DeviceEndpoints> endpoints, DeviceFactory factory, Executor blocking) {
        endpoints.forEach(e -> byName.put(e.shell().device().name(), e));
        this.factory = factory;
        this.blocking = blocking;
    }

    @Override
    public List<Device> devices() {
        return byName.values().stream().map(e -> e.shell().device()).toList();
    }

    @Override
    public Optional<Device> device(String name) {
        return Optional.ofNullable(byName.get(name)).map(e -> e.shell().device());
    }

    @Override
    public State state(String name) {
        DeviceEndpoints e = endpoints(name);
        synchronized (resetting) {
            if (resetting.contains(name)) {
                return State.BOOTING;
            }
        }
        if (e.stopped()) {
            return State.STOPPED;
        }
        if (e.rebooting()) {
            return State.BOOTING;
        }
        return e.shell().device().rommonReason().isPresent() ? State.ROMMON : State.RUNNING;
    }

    /** How many devices are in each state, every state listed (0 when none): for the metrics' devices by state. */
    Map<String, Long> devicesByState() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (State s : State.values()) {
            out.put(s.label(), 0L);
        }
        byName.keySet().forEach(name -> out.merge(state(name).label(), 1L, Long::sum));
        return out;
    }

    @Override
    public Map<String, InetSocketAddress> addresses(String name) {
        Map<String, InetSocketAddress> out = new LinkedHashMap<>();
        endpoints(name).listeners().forEach(l -> out.put(l.protocol(), l.address()));
        return out;
    }

    @Override
    public CompletionStage<State> reload(String name, String reason) {
        return restart(name, reason);
    }

    @Override
    public CompletionStage<State> powerCycle(String name) {
        return restart(name, POWER_ON);
    }

    private CompletionStage<State> restart(String name, String reason) {
        DeviceEndpoints e = idle(name);
        CompletableFuture<Void> down = e.powerCycle(reason);
        requested(e, reason.equals(POWER_ON) ? "power-cycle" : "reload", reason);
        return down.thenApply(v -> state(name));
    }

    @Override
    public CompletionStage<State> stop(String name) {
        DeviceEndpoints e = idle(name);
        boolean running = !e.stopped();
        CompletableFuture<Void> down = e.stop();
        if (running) {
            requested(e, "stop", "stopped by the control API");
        }
        return down.thenApply(v -> State.STOPPED);
    }

    @Override
    public CompletionStage<State> start(String name) {
        DeviceEndpoints e = idle(name);
        if (e.startAgain(POWER_ON)) {
            requested(e, "start", POWER_ON);
        }
        return CompletableFuture.completedFuture(state(name));
    }

    @Override
    public CompletionStage<State> reset(String name) {
        DeviceEndpoints e = endpoints(name);
        synchronized (resetting) {
            if (!resetting.add(name)) {
                throw new IllegalStateException(name + " is being reset");
            }
        }
        Device device = e.shell().device();
        requested(e, "reset", POWER_ON);
        return e.stop()
                .thenComposeAsync(v -> factoryReset(device, 1), blocking)
                .whenComplete((v, failure) -> {
                    synchronized (resetting) {
                        resetting.remove(name);
                    }
                    // Even a reset that failed half-way boots what is left, rather than leave the device off.
                    e.startAgain(POWER_ON);
                })
                .thenApply(v -> State.BOOTING);
    }

    /** One try at the reset; a file system still busy with a write the stop is ending is tried again shortly. */
    private CompletableFuture<Void> factoryReset(Device device, int attempt) {
        try {
            factory.factoryReset(device);
            return CompletableFuture.completedFuture(null);
        } catch (FsException e) {
            if (e.error() == FsError.DEVICE_BUSY && attempt < RESET_TRIES) {
                Executor later = CompletableFuture.delayedExecutor(RESET_RETRY_MS, TimeUnit.MILLISECONDS, blocking);
                return CompletableFuture.supplyAsync(() -> factoryReset(device, attempt + 1), later)
                        .thenCompose(f -> f);
            }
            return CompletableFuture.failedFuture(new IOException(device.name() + ": reset failed: "
                    + e.getMessage(), e));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(device.name() + ": reset failed: "
                    + e.getMessage(), e));
        }
    }

    /**
     * Records a lifecycle request the rack accepted: {@code kind} is {@code reload}, {@code power-cycle},
     * {@code stop}, {@code start} or {@code reset}, as the event stream names it.
     */
    private static void requested(DeviceEndpoints e, String kind, String reason) {
        LOG.info("{}: {} requested through the control API ({})", e.spec().name(), kind, reason);
        e.shell().device().events().publish(new DeviceEvent.Reload(reason, kind));
    }

    /** The device's endpoints, when no reset is running on it. */
    private DeviceEndpoints idle(String name) {
        DeviceEndpoints e = endpoints(name);
        synchronized (resetting) {
            if (resetting.contains(name)) {
                throw new IllegalStateException(name + " is being reset");
            }
        }
        return e;
    }

    private DeviceEndpoints endpoints(String name) {
        DeviceEndpoints e = byName.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no device " + name);
        }
        return e;
    }
}
