package dev.ioslab.fs;

/** The "Flags" column of {@code show file systems}: read-write, read-only or write-only. */
public enum FsAccess {
    RW("rw", true, true),
    RO("ro", true, false),
    WO("wo", false, true);

    private final String label;
    private final boolean readable;
    private final boolean writable;

    FsAccess(String label, boolean readable, boolean writable) {
        this.label = label;
        this.readable = readable;
        this.writable = writable;
    }

    /** The flag text IOS prints, e.g. {@code rw}. */
    public String label() {
        return label;
    }

    /** Whether files may be read. */
    public boolean readable() {
        return readable;
    }

    /** Whether files may be created, changed or removed. */
    public boolean writable() {
        return writable;
    }
}
