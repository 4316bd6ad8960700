package dev.ioslab.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file systems of one device, in the order {@code show file systems} prints them, with name and alias lookup
 * ({@code flash:} finds {@code flash0:}). Storage file systems with media live in {@code <deviceDir>/<name>/}.
 *
 * <p>Built once per device by {@link #open}; immutable afterwards and safe for concurrent use.
 */
public final class FileSystemTable {

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemTable.class);

    private final List<IosFileSystem> fileSystems;
    private final Map<String, IosFileSystem> byPrefix;
    private final IosFileSystem defaultFileSystem;

    private FileSystemTable(List<IosFileSystem> fileSystems, Map<String, IosFileSystem> byPrefix,
                            IosFileSystem defaultFileSystem) {
        this.fileSystems = List.copyOf(fileSystems);
        this.byPrefix = Map.copyOf(byPrefix);
        this.defaultFileSystem = defaultFileSystem;
    }

    /**
     * Mounts the file systems of {@code specs} under {@code deviceDir}, creating missing folders. Exactly one
     * spec must be the default and it must have storage; names and aliases must be unique.
     *
     * @throws IOException when a folder cannot be created or counted
     */
    public static FileSystemTable open(Path deviceDir, List<FileSystemSpec> specs, Clock clock) throws IOException {
        return open(deviceDir, specs, clock, WriteChannelOpener.HOST);
    }

    /**
     * As {@link #open(Path, List, Clock)}, with every write of every storage file system getting its host channel
     * from {@code channels}: the seam for storage faults (tests, the control API's {@code flash} faults).
     */
    public static FileSystemTable open(Path deviceDir, List<FileSystemSpec> specs, Clock clock,
                                       WriteChannelOpener channels) throws IOException {
        List<IosFileSystem> fileSystems = new ArrayList<>();
        Map<String, IosFileSystem> byPrefix = new HashMap<>();
        IosFileSystem defaultFs = null;
        for (FileSystemSpec spec : specs) {
            IosFileSystem fs = spec.mounted()
                    ? IosFileSystem.mount(spec, deviceDir.resolve(spec.name()), clock, channels)
                    : IosFileSystem.withoutStorage(spec, clock);
            fileSystems.add(fs);
            List<String> prefixes = new ArrayList<>(spec.aliases());
            prefixes.add(0, spec.name());
            for (String prefix : prefixes) {
                if (byPrefix.putIfAbsent(prefix, fs) != null) {
                    throw new IllegalArgumentException("duplicate file system prefix " + prefix + ":");
                }
            }
            if (spec.isDefault()) {
                if (defaultFs != null) {
                    throw new IllegalArgumentException("two default file systems: " + defaultFs + " and " + fs);
                }
                if (!spec.mounted()) {
                    throw new IllegalArgumentException("default file system " + fs + " has no storage");
                }
                defaultFs = fs;
            }
        }
        if (defaultFs == null) {
            throw new IllegalArgumentException("no default file system among " + fileSystems);
        }
        LOG.debug("Opened {} file systems under {}", fileSystems.size(), deviceDir);
        return new FileSystemTable(fileSystems, byPrefix, defaultFs);
    }

    /** All file systems in {@code show file systems} order. */
    public List<IosFileSystem> fileSystems() {
        return fileSystems;
    }

    /** The file system marked {@code *}, where bare paths go when no directory was changed. */
    public IosFileSystem defaultFileSystem() {
        return defaultFileSystem;
    }

    /** Finds a file system by name or alias, with or without the colon, ignoring case. */
    public Optional<IosFileSystem> find(String prefix) {
        String key = prefix.endsWith(":") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return Optional.ofNullable(byPrefix.get(key.toLowerCase(Locale.ROOT)));
    }

    /**
     * Resolves a local path as typed: {@code flash0:dir/file}, {@code flash:/file}, or a bare {@code file} against
     * {@code currentDirectory} (the default file system's root when {@code null}).
     *
     * @throws FsException {@link FsError#NO_SUCH_DEVICE} for an unknown prefix, {@link FsError#NOT_SUPPORTED}
     *         for a network prefix, or any refusal of {@link IosFileSystem#resolve}
     */
    public FsPath resolve(String text, FsPath currentDirectory) throws FsException {
        int colon = text.indexOf(':');
        if (colon < 0) {
            FsPath base = currentDirectory != null ? currentDirectory : defaultFileSystem.root();
            return base.fileSystem().resolve(text, base);
        }
        String prefix = text.substring(0, colon);
        IosFileSystem fs = find(prefix)
                .orElseThrow(() -> new FsException(FsError.NO_SUCH_DEVICE, PathRules.printable(text)));
        if (fs.spec().type() == FsType.NETWORK) {
            throw new FsException(FsError.NOT_SUPPORTED, PathRules.printable(text));
        }
        return fs.resolve(text.substring(colon + 1), null);
    }

    /** Deletes temp files that interrupted writes left in every storage file system; call at boot. */
    public int removeLeftovers() throws FsException {
        int removed = 0;
        for (IosFileSystem fs : fileSystems) {
            removed += fs.removeLeftovers();
        }
        if (removed > 0) {
            LOG.info("Removed {} leftover temp files", removed);
        }
        return removed;
    }
}
