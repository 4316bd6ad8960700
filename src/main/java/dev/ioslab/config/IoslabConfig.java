package dev.ioslab.config;

import java.util.List;
import java.util.Objects;

/**
 * The whole of {@code conf/ioslab.yaml} after loading: daemon settings, every device (templates already expanded,
 * in file order), the embedded image repository, the transfer clients' settings and the lab control API. Immutable;
 * built by {@link ConfigLoader}, which has checked everything the records promise.
 *
 * @param daemon          process-wide settings
 * @param devices         the devices to host, each with a unique name and unique listeners
 * @param imageRepository the embedded FTP/TFTP server that serves software images
 * @param transfers       how the devices' FTP and TFTP clients behave on the wire
 * @param control         the lab control API (off unless configured)
 */
public record IoslabConfig(DaemonSettings daemon, List<DeviceSpec> devices, ImageRepositorySettings imageRepository,
                           TransferDefaults transfers, ControlSettings control) {

    /** A configuration without the control API. */
    public IoslabConfig(DaemonSettings daemon, List<DeviceSpec> devices, ImageRepositorySettings imageRepository,
                        TransferDefaults transfers) {
        this(daemon, devices, imageRepository, transfers, ControlSettings.DISABLED);
    }

    public IoslabConfig {
        Objects.requireNonNull(daemon, "daemon");
        devices = List.copyOf(devices);
        Objects.requireNonNull(imageRepository, "imageRepository");
        Objects.requireNonNull(transfers, "transfers");
        Objects.requireNonNull(control, "control");
    }
}
