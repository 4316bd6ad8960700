package dev.ioslab.daemon;

import dev.ioslab.device.Device;
import dev.ioslab.device.DeviceEvent;
import dev.ioslab.frontend.ssh.ScpTarget;
import dev.ioslab.fs.FileSystemTable;
import dev.ioslab.transfer.TransferFaults;

/**
 * A device as its SCP server sees it: {@code ip scp server enable} from the running configuration (read at every
 * request, so {@code no ip scp server enable} takes effect at once), the device's file systems, the transfer fault
 * plans its SCP transfers consult, and where finished transfers are published.
 */
record DeviceScpTarget(Device device, TransferFaults transferFaults) implements ScpTarget {

    @Override
    public String deviceName() {
        return device.name();
    }

    @Override
    public boolean scpEnabled() {
        return device.config().scpServer();
    }

    /** As a shell session starts: the lines' {@code privilege level} (vty 0's, as logins are checked against). */
    @Override
    public int sessionPrivilege(int loginPrivilege) {
        return device.config().vtySettings(0).sessionPrivilege(loginPrivilege);
    }

    @Override
    public FileSystemTable fileSystems() {
        return device.fileSystems();
    }

    /** Publishes the {@code transfer} event: the device's file as the URL, a copy onto the device as a download. */
    @Override
    public void transferred(String path, boolean toDevice, long bytes, double seconds, String result) {
        device.events().publish(new DeviceEvent.Transfer(path, toDevice ? DeviceEvent.Direction.DOWNLOAD
                : DeviceEvent.Direction.UPLOAD, "scp", bytes, seconds, result));
    }
}
