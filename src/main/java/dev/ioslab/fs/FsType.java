package dev.ioslab.fs;

/**
 * The "Type" column of {@code show file systems}. Only {@link #DISK}, {@link #USBFLASH} and {@link #NVRAM}
 * have storage; opaque and network file systems are names that other parts of the device interpret.
 */
public enum FsType {
    DISK("disk", true),
    USBFLASH("usbflash", true),
    NVRAM("nvram", true),
    OPAQUE("opaque", false),
    NETWORK("network", false);

    private final String label;
    private final boolean storage;

    FsType(String label, boolean storage) {
        this.label = label;
        this.storage = storage;
    }

    /** The lower-case word IOS prints in the Type column. */
    public String label() {
        return label;
    }

    /** Whether file systems of this type keep files in a folder with a capacity. */
    public boolean hasStorage() {
        return storage;
    }
}
