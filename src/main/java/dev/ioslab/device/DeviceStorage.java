package dev.ioslab.device;

import dev.ioslab.fs.FileSystemSpec;
import dev.ioslab.fs.FileSystemTable;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.PinnedSpace;
import dev.ioslab.fs.SpaceUsage;
import dev.ioslab.fs.WriteChannelOpener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A device's storage file systems ({@code flash0:}, {@code nvram:} ...), opened when first used. A device whose
 * default file system has a folder on disk opens them at once, as before; a fresh one keeps nothing on disk until a
 * command, a file transfer or a boot from a {@code boot system} entry touches a file system, so a rack of a hundred
 * thousand idle devices creates no folders. Until then the device is in its factory state: an empty NVRAM and a
 * {@code flash0:} holding only the {@link FactoryFlash} image, which the first use puts there (a hard link).
 *
 * <p>Thread-safe: the first use opens once under a lock; afterwards {@link #table()} reads a volatile field. Opening
 * is blocking file I/O, so the first use belongs off the I/O threads, as every file operation does.
 */
public final class DeviceStorage {

    /** What a fresh device's {@code flash0:} holds: the lab's image, put there when the storage is first opened. */
    public interface FactoryFlash {

        /** Nothing: a fresh {@code flash0:} is empty. */
        FactoryFlash EMPTY = new FactoryFlash() {
            @Override
            public Optional<Path> image() {
                return Optional.empty();
            }

            @Override
            public void provision(Path flash0) {
                // nothing to put there
            }
        };

        /** The host file a fresh {@code flash0:} holds under its own name, if any. */
        Optional<Path> image();

        /** Puts {@link #image()} into {@code flash0} (its folder, which may not exist yet). */
        void provision(Path flash0) throws IOException;
    }

    private final Path stateDir;
    private final List<FileSystemSpec> specs;
    private final Clock clock;
    private final WriteChannelOpener channels;
    private final FactoryFlash factory;
    private final FileSystemSpec defaultSpec;
    private volatile FileSystemTable table;

    /**
     * Storage under {@code stateDir} ({@code <stateDir>/<file system>/}); opened now when the default file system's
     * folder exists, else at first use.
     *
     * @throws IOException when existing folders cannot be opened
     */
    public DeviceStorage(Path stateDir, List<FileSystemSpec> specs, Clock clock, WriteChannelOpener channels,
                         FactoryFlash factory) throws IOException {
        this.stateDir = stateDir;
        this.specs = List.copyOf(specs);
        this.clock = clock;
        this.channels = channels;
        this.factory = factory;
        this.defaultSpec = specs.stream().filter(FileSystemSpec::isDefault).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no default file system among " + specs));
        if (Files.isDirectory(stateDir.resolve(defaultSpec.name()))) {
            table = open();
        }
    }

    /** Whether the file systems are open: the device has storage on disk. */
    public boolean inUse() {
        return table != null;
    }

    /**
     * The file systems, opened (and, on a fresh device, provisioned with the factory image) on the first call.
     *
     * @throws UncheckedIOException when the folders cannot be created or opened
     */
    public FileSystemTable table() {
        FileSystemTable t = table;
        if (t != null) {
            return t;
        }
        synchronized (this) {
            if (table == null) {
                try {
                    table = open();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open the file systems in " + stateDir + ": "
                            + e.getMessage(), e);
                }
            }
            return table;
        }
    }

    /** The image a fresh device's {@code flash0:} holds, while the storage is not in use. */
    public Optional<Path> factoryImage() {
        return inUse() ? Optional.empty() : factory.image();
    }

    /**
     * What each storage file system holds, by prefix, without opening anything on a fresh device (its factory state:
     * the factory image in the default file system, nothing elsewhere; free space pinned by a fault as the file
     * systems would show it); empty once in use: ask {@link #table()}.
     */
    public Map<String, SpaceUsage> factoryUsage() {
        Map<String, SpaceUsage> out = new LinkedHashMap<>();
        if (inUse()) {
            return out;
        }
        long image = factory.image().map(DeviceStorage::sizeOrZero).orElse(0L);
        for (FileSystemSpec spec : specs) {
            if (spec.mounted()) {
                out.put(spec.prefix(), PinnedSpace.usage(spec, spec == defaultSpec ? image : 0, 0, channels));
            }
        }
        return out;
    }

    private FileSystemTable open() throws IOException {
        Path flash = stateDir.resolve(defaultSpec.name());
        if (!Files.isDirectory(flash)) {
            factory.provision(flash);
        }
        FileSystemTable opened = FileSystemTable.open(stateDir, specs, clock, channels);
        try {
            opened.removeLeftovers();
        } catch (FsException e) {
            throw new IOException("cannot clean " + stateDir + ": " + e.getMessage(), e);
        }
        return opened;
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
