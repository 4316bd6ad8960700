package dev.ioslab.frontend.ssh;

import dev.ioslab.fs.FileSystemTable;
import dev.ioslab.fs.FsPath;
import dev.ioslab.transfer.TransferFaults;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;

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

    /**
     * The privilege an SCP session of a user who logged in at {@code loginPrivilege} runs at: the vty lines'
     * {@code privilege level} for a user without a level of their own, as a shell session on the line starts at.
     */
    default int sessionPrivilege(int loginPrivilege) {
        return loginPrivilege;
    }

    /** The transfer fault plans each SCP transfer consults (protocol {@code scp}); none by default. */
    default TransferFaults transferFaults() {
        return TransferFaults.NONE;
    }

    /**
     * Hears that an SCP transfer ended: {@code path} is the file on the device as the client named it,
     * {@code toDevice} whether the client copied onto the device, {@code bytes} what was committed or sent, and
     * {@code result} {@code ok} or the error the client was told. Called on the SCP command's thread; returns at once.
     */
    default void transferred(String path, boolean toDevice, long bytes, double seconds, String result) {
    }

    /**
     * Where the bytes of {@code file} are read from when SCP sends it: {@code opened}, the file's channel (at position
     * 0, closed by the caller), as it is. The seam for read faults: a test or the control API hands out a channel
     * that fails part-way as a broken disk does. The channel must block until it returns at least one byte or end of
     * stream.
     */
    default ReadableByteChannel source(FsPath file, FileChannel opened) {
        return opened;
    }
}
