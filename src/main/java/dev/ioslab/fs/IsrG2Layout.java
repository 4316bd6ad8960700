package dev.ioslab.fs;

import java.util.List;

/**
 * The file-system table of an ISR G2 / C3900-class router, in the order {@code show file systems} prints it
 * (reference §4.3, Cisco 1941 IOS 15.x): {@code flash0:} with alias {@code flash:} is the default and bootable
 * disk; {@code flash1:}, {@code usbflash0:} and {@code usbflash1:} are slots that are empty when their capacity
 * is 0. Stateless.
 */
public final class IsrG2Layout {

    private IsrG2Layout() {
    }

    /** The specs for the given capacities in bytes (0 for an empty slot). */
    public static List<FileSystemSpec> fileSystems(long flash0, long flash1, long usbflash0, long usbflash1,
                                                   long nvram) {
        return List.of(
                FileSystemSpec.virtual("archive", FsType.OPAQUE, FsAccess.RW),
                FileSystemSpec.virtual("system", FsType.OPAQUE, FsAccess.RW),
                FileSystemSpec.virtual("tmpsys", FsType.OPAQUE, FsAccess.RW),
                FileSystemSpec.virtual("null", FsType.OPAQUE, FsAccess.RW),
                FileSystemSpec.virtual("tftp", FsType.NETWORK, FsAccess.RW),
                new FileSystemSpec("flash0", List.of("flash"), FsType.DISK, FsAccess.RW, flash0, true, true),
                FileSystemSpec.storage("flash1", FsType.DISK, flash1),
                FileSystemSpec.storage("nvram", FsType.NVRAM, nvram),
                FileSystemSpec.virtual("syslog", FsType.OPAQUE, FsAccess.WO),
                FileSystemSpec.virtual("xmodem", FsType.OPAQUE, FsAccess.RW),
                FileSystemSpec.virtual("ymodem", FsType.OPAQUE, FsAccess.RW),
                FileSystemSpec.virtual("rcp", FsType.NETWORK, FsAccess.RW),
                FileSystemSpec.virtual("http", FsType.NETWORK, FsAccess.RW),
                FileSystemSpec.virtual("ftp", FsType.NETWORK, FsAccess.RW),
                FileSystemSpec.virtual("scp", FsType.NETWORK, FsAccess.RW),
                FileSystemSpec.virtual("tar", FsType.OPAQUE, FsAccess.RO),
                FileSystemSpec.virtual("https", FsType.NETWORK, FsAccess.RW),
                FileSystemSpec.virtual("cns", FsType.OPAQUE, FsAccess.RO),
                FileSystemSpec.storage("usbflash0", FsType.USBFLASH, usbflash0),
                FileSystemSpec.storage("usbflash1", FsType.USBFLASH, usbflash1));
    }
}
