package dev.ioslab.control;

import java.util.List;
import java.util.Map;

/**
 * What the control API tells about devices, as JSON documents (camelCase field names from the record components).
 * Immutable values; built by {@link DeviceRoutes}.
 */
public final class DeviceStatus {

    private DeviceStatus() {
    }

    /**
     * One line of {@code GET /devices}.
     *
     * @param addresses      protocol ({@code ssh}, {@code telnet}) to {@code host:port}
     * @param runningImage   the image IOS booted ({@code flash0:c3900-….bin}); null unless running
     * @param uptimeSeconds  since the last boot; 0 when not running
     * @param sessions       open sessions by protocol
     */
    public record Summary(String name, String state, Map<String, String> addresses, String runningImage,
                          long uptimeSeconds, Map<String, Integer> sessions) {
    }

    /**
     * {@code GET /devices/{name}}: the summary's fields and the device's disks, keys and faults.
     *
     * @param lastReloadReason what {@code show version} prints as {@code Last reload reason}
     * @param rommonReason     why the device is in ROM monitor; null when it is not
     * @param fileSystems      every storage file system with media
     * @param keys             key storage summary
     * @param faults           the device's active faults, as the fault registry describes them
     */
    public record Detail(String name, String state, Map<String, String> addresses, String runningImage,
                         long uptimeSeconds, Map<String, Integer> sessions, String lastReloadReason,
                         String rommonReason, List<FileSystemUsage> fileSystems, KeySummary keys, List<?> faults) {
    }

    /** One file system's space in bytes, as {@code dir} counts it. */
    public record FileSystemUsage(String name, long size, long free, long used) {
    }

    /** Key storage: how many keys are active and revoked, and each key. */
    public record KeySummary(int active, int revoked, List<Key> keys) {
    }

    /**
     * One stored key.
     *
     * @param type    {@code release}, {@code development} or {@code rollover}
     * @param version the version letter
     * @param state   {@code active} or {@code revoked}
     */
    public record Key(String type, String version, String state) {
    }

    /** The answer (202) to a lifecycle request: the device and its state now. */
    public record Accepted(String device, String state) {
    }
}
