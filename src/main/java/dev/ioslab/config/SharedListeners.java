package dev.ioslab.config;

import java.util.Objects;

/**
 * The {@code daemon.sharedListeners:} section: every device shares one SSH and one Telnet listener, and a connection
 * goes to the device whose address it was sent to (its local, destination address). Without this section every
 * device has listeners of its own.
 *
 * @param address    the address both shared listeners bind; always written out in the file, so a wildcard
 *                   ({@code 0.0.0.0}, {@code ::}), which is needed for more than one device address, is never chosen
 *                   by default
 * @param sshPort    the one SSH port of every device
 * @param telnetPort the one Telnet port of every device
 */
public record SharedListeners(String address, int sshPort, int telnetPort) {

    public SharedListeners {
        Objects.requireNonNull(address, "address");
    }
}
