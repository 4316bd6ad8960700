package dev.ioslab.device;

/**
 * The seam through which a device asks to be restarted: {@code reload} (and the lab control API) call it; the daemon,
 * which owns the device's listeners, implements it by dropping every session, keeping the endpoints down for the
 * boot time, booting the device afresh from its startup configuration and listening again.
 *
 * <p>Threading: called from a session's or a timer's thread; implementations return at once and do the work
 * elsewhere.
 */
public interface PowerControl {

    /** A device that is not part of a rack (unit tests): a reload request is recorded and nothing else happens. */
    PowerControl NONE = (device, reason) -> { };

    /** Restarts {@code device}; {@code reason} is what {@code show version} prints as {@code Last reload reason}. */
    void reload(Device device, String reason);
}
