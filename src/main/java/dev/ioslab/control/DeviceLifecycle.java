package dev.ioslab.control;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The power switch of each device, as the control API drives it: reload, power-cycle, stop, start and factory reset.
 * The daemon implements it, because it owns the devices' listeners. A request the device's state does not allow now
 * (a reload of a stopped device, anything during a reset) fails with {@link IllegalStateException}, whose message
 * names the device and its state; an unknown name fails with {@link IllegalArgumentException}.
 *
 * <p>Threading: any thread; every method returns at once, and slow work (disk, boot) completes the stage on another
 * thread, never on the caller's.
 */
public interface DeviceLifecycle {

    /** Where a device stands. */
    enum State {
        /** Between a reload, power cycle, start or reset and the end of its boot: unreachable. */
        BOOTING,
        /** IOS runs and the device listens. */
        RUNNING,
        /** No image verified at boot: the device listens but refuses logins. */
        ROMMON,
        /** Powered off: unreachable until started. */
        STOPPED;

        /** The lower-case name the API uses. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The state of device {@code name} now. */
    State state(String name);

    /** Where device {@code name} listens (or will listen again), by protocol ({@code ssh}, {@code telnet}). */
    Map<String, InetSocketAddress> addresses(String name);

    /**
     * As {@code reload} without saving: sessions dropped, unreachable for the boot time, then booted from the
     * startup configuration with {@code reason} as {@code Last reload reason}.
     *
     * @return completes with the state once the device is unreachable
     */
    CompletionStage<State> reload(String name, String reason);

    /** As {@link #reload} with {@code Last reload reason: power-on}. */
    CompletionStage<State> powerCycle(String name);

    /** Listeners and sessions down until {@link #start}; completes once the device is unreachable. */
    CompletionStage<State> stop(String name);

    /** Boots a stopped device (power-on) and listens again; starting a device that runs changes nothing. */
    CompletionStage<State> start(String name);

    /**
     * Factory state, then boot: startup-config erased, flash back to the provisioned image only, key storage back to
     * the lab defaults, boot state cleared. Completes once the device's disk state is reset and it is booting.
     */
    CompletionStage<State> reset(String name);
}
