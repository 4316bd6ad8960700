package dev.ioslab.config;

import java.util.List;
import java.util.Objects;

/**
 * The whole of {@code conf/ioslab.yaml} after loading: daemon settings, every device (templates already expanded,
 * in file order) the embedded image repository and the transfer clients' settings. Immutable; built only by {@link ConfigLoader}, which has
 * checked everything the records promise.
 *
 * @param daemon          process-wide settings
 * @param devices         the devices to host, each with a unique name and unique listeners
 * @param imageRepository the embedded FTP/TFTP server that serves software images
 * @param transfers       how the devices' FTP and TFTP clients behave on the wire
 */
public record IoslabConfig(DaemonSettings daemon, List<DeviceSpec> devices, ImageRepositorySettings imageRepository,
                           TransferDefaults transfers) {

    public IoslabConfig {
        Objects.requireNonNull(daemon, "daemon");
        devices = List.copyOf(devices);
        Objects.requireNonNull(imageRepository, "imageRepository");
        Objects.requireNonNull(transfers, "transfers");
    }
}
