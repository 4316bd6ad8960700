package dev.ioslab.daemon;

import dev.ioslab.cli.DeviceShell;
import dev.ioslab.cli.ShellEndpoint;
import dev.ioslab.frontend.ssh.SshDevice;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which device owns which address, for listeners shared by the whole rack: the shared SSH and Telnet listeners ask
 * it for the device of each accepted connection's local address. A device is listed once it has booted and marked
 * down while it reloads; connections to a device that is down or to an address nobody owns get no device (the
 * latter are logged through {@link UnroutedConnectionLog}).
 *
 * <p>Threading: lookups run on I/O threads and never block (one concurrent map read); devices come up and go down
 * from start-up and scheduler threads.
 */
final class DeviceDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceDirectory.class);

    /** One device's place: what the SSH listener needs of it (kept across reloads), and whether it is up. */
    private static final class Slot {
        private final DeviceShell shell;
        private final SshDevice ssh;
        private volatile boolean up;

        Slot(DeviceShell shell, SshDevice ssh) {
            this.shell = shell;
            this.ssh = ssh;
        }
    }

    private final Map<InetAddress, Slot> byAddress = new ConcurrentHashMap<>();
    private final UnroutedConnectionLog unrouted;

    DeviceDirectory(UnroutedConnectionLog unrouted) {
        this.unrouted = unrouted;
    }

    /**
     * Lists the device at {@code address} as up; {@code ssh} is used only the first time (a reload keeps the device's
     * host key in memory).
     *
     * @throws IllegalStateException when another device already owns the address (configuration prevents it)
     */
    void up(InetAddress address, DeviceShell shell, SshDevice ssh) {
        Slot slot = byAddress.computeIfAbsent(address, a -> new Slot(shell, ssh));
        if (slot.shell != shell) {
            throw new IllegalStateException(address.getHostAddress() + " belongs to " + slot.shell.deviceName()
                    + ", not to " + shell.deviceName());
        }
        slot.up = true;
    }

    /** Marks the device at {@code address} down: its new connections are refused until {@link #up} again. */
    void down(InetAddress address) {
        Slot slot = byAddress.get(address);
        if (slot != null) {
            slot.up = false;
        }
    }

    /** The SSH side of the device that is up at {@code local}. */
    Optional<SshDevice> ssh(InetAddress local) {
        Slot slot = lookup(local, "SSH");
        return slot == null ? Optional.empty() : Optional.of(slot.ssh);
    }

    /** The CLI of the device that is up at {@code local}, for a Telnet connection. */
    Optional<ShellEndpoint> telnet(InetAddress local) {
        Slot slot = lookup(local, "Telnet");
        return slot == null ? Optional.empty() : Optional.of(slot.shell);
    }

    /** Number of addresses listed (up or down). */
    int size() {
        return byAddress.size();
    }

    /** Every device attached so far. */
    Stream<DeviceShell> shells() {
        return byAddress.values().stream().map(slot -> slot.shell);
    }

    private Slot lookup(InetAddress local, String protocol) {
        Slot slot = byAddress.get(local);
        if (slot == null) {
            unrouted.refused(local, protocol);
            return null;
        }
        if (!slot.up) {
            LOG.debug("{} connection to {} refused: {} is reloading", protocol, local.getHostAddress(),
                    slot.shell.deviceName());
            return null;
        }
        return slot;
    }
}
