package dev.ioslab.daemon;

import dev.ioslab.device.Device;
import dev.ioslab.frontend.ssh.ScpTarget;
import dev.ioslab.fs.FileSystemTable;

/**
 * A device as its SCP server sees it: {@code ip scp server enable} from the running configuration (read at every
 * request, so {@code no ip scp server enable} takes effect at once) and the device's file systems.
 */
record DeviceScpTarget(Device device) implements ScpTarget {

    @Override
    public String deviceName() {
        return device.name();
    }

    @Override
    public boolean scpEnabled() {
        return device.config().scpServer();
    }

    @Override
    public FileSystemTable fileSystems() {
        return device.fileSystems();
    }
}
