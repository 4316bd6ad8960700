package dev.ioslab.frontend.ssh;

import dev.ioslab.fs.FileSystemTable;
import dev.ioslab.transfer.TransferFaults;

/**
 * What the SCP server needs to know about its device: its name for the log, whether {@code ip scp server enable} is
 * configured right now, and the file systems transfers read and write. The daemon adapts a device to it, so this
 * package does not depend on {@code dev.ioslab.device}.
 *
 * <p>Threading: called from SCP command threads at any time; implementations must be thread-safe and cheap.
 */
public interface ScpTarget {

    /** The device's name, as log lines show it. */
    String deviceName();

    /** Whether the running configuration has {@code ip scp server enable}; checked at every request. */
    boolean scpEnabled();

    /** The device's file systems, through which every SCP path is resolved. */
    FileSystemTable fileSystems();

    /** The transfer fault plans each SCP transfer consults (protocol {@code scp}); none by default. */
    default TransferFaults transferFaults() {
        return TransferFaults.NONE;
    }
}
