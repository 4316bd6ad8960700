package dev.ioslab.fs;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one file system of a platform looks: its name without the colon ({@code flash0}), the aliases IOS also
 * accepts ({@code flash}), its type and flags, its capacity in bytes, whether it is the default file system
 * ({@code *} in {@code show file systems}) and whether it is bootable ({@code #} after the last prefix).
 *
 * <p>For storage types a capacity of 0 means an empty slot (no card inserted): IOS lists it with {@code -} for
 * size and free, and any access fails with {@link FsError#NO_SUCH_DEVICE}. Opaque and network file systems must
 * have capacity 0. Immutable.
 */
public record FileSystemSpec(String name, List<String> aliases, FsType type, FsAccess access, long capacity,
                             boolean isDefault, boolean bootable) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    /** Validates the spec and lower-cases names, because IOS matches prefixes case-insensitively. */
    public FileSystemSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(access, "access");
        name = checkedName(name);
        aliases = aliases.stream().map(FileSystemSpec::checkedName).toList();
        if (capacity < 0) {
            throw new IllegalArgumentException(name + ": capacity must not be negative: " + capacity);
        }
        if (!type.hasStorage() && capacity != 0) {
            throw new IllegalArgumentException(name + ": " + type.label() + " file systems have no capacity");
        }
    }

    /** A storage file system without aliases that is neither default nor bootable. */
    public static FileSystemSpec storage(String name, FsType type, long capacity) {
        return new FileSystemSpec(name, List.of(), type, FsAccess.RW, capacity, false, false);
    }

    /** An opaque or network file system: listed by {@code show file systems}, no storage. */
    public static FileSystemSpec virtual(String name, FsType type, FsAccess access) {
        return new FileSystemSpec(name, List.of(), type, access, 0, false, false);
    }

    /** The prefix as IOS prints it, e.g. {@code flash0:}. */
    public String prefix() {
        return name + ":";
    }

    /** Whether files live in a folder with a capacity (a storage type with media present). */
    public boolean mounted() {
        return type.hasStorage() && capacity > 0;
    }

    private static String checkedName(String raw) {
        String lower = Objects.requireNonNull(raw, "name").toLowerCase(Locale.ROOT);
        if (!NAME.matcher(lower).matches()) {
            throw new IllegalArgumentException("invalid file system name (no colon, [a-z0-9-]): " + raw);
        }
        return lower;
    }
}
