package dev.ioslab.control;

import dev.ioslab.device.Device;
import java.util.List;
import java.util.Optional;

/**
 * The rack as the control API sees it: the devices in configuration order, found by name. The daemon implements it.
 * Threading: any thread; the answers are snapshots.
 */
public interface RackView {

    /** Every device of this daemon (this shard), in configuration order. */
    List<Device> devices();

    /** The device called {@code name}, if this daemon hosts one. */
    Optional<Device> device(String name);
}
