package dev.ioslab.device;

/**
 * Where a device publishes its {@link DeviceEvent}s: the seam the control API's event log implements. Threading:
 * {@link #publish} is called from any thread (SSH and Netty I/O threads, the verification pool, timers) and must
 * return at once: an implementation appends and never waits for a reader.
 */
@FunctionalInterface
public interface DeviceEvents {

    /** A device nobody listens to. */
    DeviceEvents NONE = event -> { };

    void publish(DeviceEvent event);
}
