package dev.ioslab.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IOS file system of a device. Storage file systems ({@code flash0:}, {@code usbflash0:}, {@code nvram:})
 * keep their files in a folder with a fixed capacity; the others ({@code system:}, {@code tftp:} ...) only carry
 * their {@link FileSystemSpec} and refuse file operations with {@link FsError#NOT_SUPPORTED}, an empty slot with
 * {@link FsError#NO_SUCH_DEVICE}.
 *
 * <p>Contract: user paths become {@link FsPath}s only through {@link #resolve}, which refuses anything that could
 * leave the root; every host access re-checks that no component is a symbolic link and opens with
 * {@code NOFOLLOW_LINKS}. A file appears only when complete ({@link AtomicWrite}). Used bytes are the sizes of
 * visible files, recounted from the folder at every {@link #space()}, {@link #beginWrite} and namespace change, so
 * files an operator drops into the folder are seen; between recounts, writes in flight grow their reservations
 * against that exact figure. Hidden files ({@code .ioslab-*}) never appear and are not counted as used.
 *
 * <p>Threading: safe for any number of sessions. Namespace operations (list, stat, mkdir, delete, rename, commit,
 * format) serialise on a per-file-system lock and do short blocking local-disk I/O. Space accounting uses a
 * separate monitor held only for arithmetic, which is all {@link AtomicWrite#write} waits on.
 */
public final class IosFileSystem {

    private static final Logger LOG = LoggerFactory.getLogger(IosFileSystem.class);

    private final FileSystemSpec spec;
    private final Path root;
    private final Clock clock;
    private final FileIndex index;
    private final WriteChannelOpener channels;
    private final ReentrantLock namespaceLock = new ReentrantLock();
    private final Object accounting = new Object();
    private final Set<AtomicWrite> activeWrites = ConcurrentHashMap.newKeySet();
    private long usedBytes;
    private long reservedBytes;

    private IosFileSystem(FileSystemSpec spec, Path root, Clock clock, FileIndex index, WriteChannelOpener channels) {
        this.spec = spec;
        this.root = root;
        this.clock = clock;
        this.index = index;
        this.channels = channels;
    }

    /** A file system without storage (opaque, network or an empty slot). */
    static IosFileSystem withoutStorage(FileSystemSpec spec, Clock clock) {
        return new IosFileSystem(spec, null, clock, null, WriteChannelOpener.HOST);
    }

    /**
     * Opens the storage folder {@code folder}, creating it when missing, and counts what it holds; writes get their
     * host channels from {@code channels}.
     */
    static IosFileSystem mount(FileSystemSpec spec, Path folder, Clock clock, WriteChannelOpener channels)
            throws IOException {
        Files.createDirectories(folder);
        Path realRoot = folder.toRealPath();
        IosFileSystem fs = new IosFileSystem(spec, realRoot, clock, FileIndex.load(realRoot), channels);
        fs.usedBytes = fs.countUsed();
        LOG.debug("Mounted {} at {}: {} of {} bytes used", spec.prefix(), realRoot, fs.usedBytes, spec.capacity());
        return fs;
    }

    /** What this file system is: name, aliases, type, flags, capacity. */
    public FileSystemSpec spec() {
        return spec;
    }

    /** The name without colon, e.g. {@code flash0}. */
    public String name() {
        return spec.name();
    }

    /** Whether this file system keeps files (a storage type with media present). */
    public boolean hasStorage() {
        return root != null;
    }

    /** The root directory, e.g. {@code flash0:/}. */
    public FsPath root() {
        return new FsPath(this, "");
    }

    /**
     * Resolves a user path (the part after the prefix, e.g. {@code dir/file}, {@code /dir/file}) against
     * {@code currentDirectory}, or against the root when it is {@code null} or on another file system. Refusals
     * are logged because they are how traversal attempts show up.
     *
     * @throws FsException {@link FsError#INVALID_PATH} for {@code ..} above the root, control characters, NUL,
     *         backslashes and our reserved names; {@link FsError#NAME_TOO_LONG} for overlong names or paths
     */
    public FsPath resolve(String userPath, FsPath currentDirectory) throws FsException {
        String base = currentDirectory != null && currentDirectory.fileSystem() == this
                ? currentDirectory.relative() : "";
        try {
            return new FsPath(this, PathRules.resolve(spec.prefix(), base, userPath));
        } catch (FsException e) {
            LOG.warn("Refused path {} ({})", e.path(), e.error().reason());
            throw e;
        }
    }

    /** Resolves {@code userPath} against the root. */
    public FsPath resolve(String userPath) throws FsException {
        return resolve(userPath, null);
    }

    /** Capacity, used and reserved bytes, with used recounted from the folder now. */
    public SpaceUsage space() throws FsException {
        requireStorage(root());
        namespaceLock.lock();
        try {
            recount(root());
            synchronized (accounting) {
                return PinnedSpace.usage(spec, usedBytes, reservedBytes, channels);
            }
        } finally {
            namespaceLock.unlock();
        }
    }

    /**
     * The free bytes {@code dir} and {@code show flash} report: {@code space}'s free bytes, but never more than the
     * host can still store under this file system's folder, so that a device on a nearly full host disk does not claim
     * room it cannot give. One {@code statfs}; the device's own accounting ({@link #space()}) is unchanged.
     */
    public long reportedFree(SpaceUsage space) {
        return Math.min(space.free(), HostSpace.usable(root));
    }

    /** Entry of one file or directory; the root reports index 0. */
    public FileEntry stat(FsPath path) throws FsException {
        requireReadable(path);
        namespaceLock.lock();
        try {
            BasicFileAttributes attributes = inspect(path)
                    .orElseThrow(() -> new FsException(FsError.NO_SUCH_FILE, path.display()));
            FileEntry entry = entryOf(path, attributes, path.isRoot() ? 0 : index.numberOf(path.relative()));
            index.saveQuietly(spec.prefix());
            return entry;
        } finally {
            namespaceLock.unlock();
        }
    }

    /** Whether {@code path} names an existing file or directory. */
    public boolean exists(FsPath path) throws FsException {
        requireReadable(path);
        namespaceLock.lock();
        try {
            return inspect(path).isPresent();
        } finally {
            namespaceLock.unlock();
        }
    }

    /**
     * The entries of a directory in IOS order: by index, i.e. creation order. Files that appeared behind the
     * daemon's back are numbered now, oldest first. Hidden files and symbolic links are never listed.
     */
    public List<FileEntry> list(FsPath directory) throws FsException {
        requireReadable(directory);
        namespaceLock.lock();
        try {
            requireDirectory(directory);
            List<Child> children = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(host(directory))) {
                for (Path child : stream) {
                    String name = child.getFileName().toString();
                    BasicFileAttributes attributes =
                            Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (PathRules.isHidden(name) || !(attributes.isRegularFile() || attributes.isDirectory())) {
                        continue;
                    }
                    String relative = directory.isRoot() ? name : directory.relative() + "/" + name;
                    if (PathRules.normalisedOrNull(relative) == null) {
                        // A name our rules refuse (dropped in from the host) could never be addressed; hide it.
                        LOG.debug("Not listing unaddressable host file {}", PathRules.printable(relative));
                        continue;
                    }
                    children.add(new Child(name, relative, attributes));
                }
            } catch (IOException e) {
                throw ioError(directory, e);
            }
            Set<String> present = new HashSet<>();
            children.forEach(child -> present.add(child.name()));
            index.retainChildren(directory.relative(), present);
            children.stream()
                    .filter(child -> index.find(child.relative()) == null)
                    .sorted(Comparator.comparing((Child child) -> child.attributes().lastModifiedTime())
                            .thenComparing(Child::name))
                    .forEach(child -> index.numberOf(child.relative()));
            index.saveQuietly(spec.prefix());
            List<FileEntry> entries = new ArrayList<>();
            for (Child child : children) {
                entries.add(entryOf(new FsPath(this, child.relative()), child.attributes(),
                        index.numberOf(child.relative())));
            }
            entries.sort(Comparator.comparingInt(FileEntry::index));
            return entries;
        } finally {
            namespaceLock.unlock();
        }
    }

    /** Creates one directory; its parent must exist. */
    public void mkdir(FsPath directory) throws FsException {
        requireWritable(directory);
        namespaceLock.lock();
        try {
            requireNotRoot(directory);
            if (inspect(directory).isPresent()) {
                throw new FsException(FsError.FILE_EXISTS, directory.display());
            }
            requireDirectory(directory.parent());
            Path host = host(directory);
            try {
                HostFolders.keepFolderTime(host.getParent(), () -> Files.createDirectory(host));
                Files.setLastModifiedTime(host, FileTime.from(clock.instant()));
                HostFolders.syncDirectory(host.getParent());
            } catch (IOException e) {
                throw ioError(directory, e);
            }
            index.numberOf(directory.relative());
            saveIndex();
            LOG.debug("Created directory {}", directory);
        } finally {
            namespaceLock.unlock();
        }
    }

    /** Removes an empty directory. */
    public void rmdir(FsPath directory) throws FsException {
        requireWritable(directory);
        namespaceLock.lock();
        try {
            requireNotRoot(directory);
            requireDirectory(directory);
            requireNoWriteUnder(directory);
            Path host = host(directory);
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(host)) {
                for (Path child : stream) {
                    if (!PathRules.isHidden(child.getFileName().toString())) {
                        throw new FsException(FsError.DIRECTORY_NOT_EMPTY, directory.display());
                    }
                }
            } catch (IOException e) {
                throw ioError(directory, e);
            }
            try {
                HostFolders.keepFolderTime(host.getParent(), () -> HostFolders.deleteTree(host));
                HostFolders.syncDirectory(host.getParent());
            } catch (IOException e) {
                throw ioError(directory, e);
            }
            index.removeTree(directory.relative());
            saveIndex();
            LOG.debug("Removed directory {}", directory);
        } finally {
            namespaceLock.unlock();
        }
    }

    /** Deletes one file; the space is free at once, as on FAT flash (no squeeze). */
    public void delete(FsPath file) throws FsException {
        requireWritable(file);
        namespaceLock.lock();
        try {
            BasicFileAttributes attributes = inspect(file)
                    .orElseThrow(() -> new FsException(FsError.NO_SUCH_FILE, file.display()));
            if (attributes.isDirectory()) {
                throw new FsException(FsError.IS_A_DIRECTORY, file.display());
            }
            Path host = host(file);
            try {
                HostFolders.keepFolderTime(host.getParent(), () -> Files.delete(host));
                HostFolders.syncDirectory(host.getParent());
            } catch (IOException e) {
                throw ioError(file, e);
            }
            index.removeTree(file.relative());
            saveIndex();
            recount(root());
            LOG.debug("Deleted {}", file);
        } finally {
            namespaceLock.unlock();
        }
    }

    /** Deletes a file or a whole directory tree ({@code delete /recursive}); symbolic links are never followed. */
    public void deleteRecursive(FsPath path) throws FsException {
        requireWritable(path);
        namespaceLock.lock();
        try {
            requireNotRoot(path);
            if (inspect(path).isEmpty()) {
                throw new FsException(FsError.NO_SUCH_FILE, path.display());
            }
            requireNoWriteUnder(path);
            Path host = host(path);
            try {
                HostFolders.keepFolderTime(host.getParent(), () -> HostFolders.deleteTree(host));
                HostFolders.syncDirectory(host.getParent());
            } catch (IOException e) {
                throw ioError(path, e);
            } finally {
                index.removeTree(path.relative());
                saveIndex();
                recount(root());
            }
            LOG.debug("Deleted {} recursively", path);
        } finally {
            namespaceLock.unlock();
        }
    }

    /**
     * Renames within this file system, keeping the file's index. With {@code replaceExisting} an existing file at
     * {@code to} is replaced atomically; a directory is never replaced.
     */
    public void rename(FsPath from, FsPath to, boolean replaceExisting) throws FsException {
        if (from.fileSystem() != to.fileSystem()) {
            throw new FsException(FsError.NOT_SUPPORTED, to.display());
        }
        requireWritable(from);
        requireWritable(to);
        namespaceLock.lock();
        try {
            requireNotRoot(from);
            requireNotRoot(to);
            if (inspect(from).isEmpty()) {
                throw new FsException(FsError.NO_SUCH_FILE, from.display());
            }
            if (from.equals(to)) {
                return;
            }
            if (from.contains(to)) {
                throw new FsException(FsError.INVALID_PATH, to.display());
            }
            Optional<BasicFileAttributes> target = inspect(to);
            if (target.isPresent()) {
                if (target.get().isDirectory()) {
                    throw new FsException(FsError.IS_A_DIRECTORY, to.display());
                }
                if (!replaceExisting) {
                    throw new FsException(FsError.FILE_EXISTS, to.display());
                }
            }
            requireDirectory(to.parent());
            requireNoWriteUnder(from);
            Path source = host(from);
            Path destination = host(to);
            try {
                HostFolders.keepFolderTime(source.getParent(), () -> HostFolders.keepFolderTime(
                        destination.getParent(), () -> Files.move(source, destination, StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING)));
                HostFolders.syncDirectory(destination.getParent());
                HostFolders.syncDirectory(source.getParent());
            } catch (IOException e) {
                throw ioError(from, e);
            }
            index.renameTree(from.relative(), to.relative());
            saveIndex();
            recount(root());
            LOG.debug("Renamed {} to {}", from, to);
        } finally {
            namespaceLock.unlock();
        }
    }

    /**
     * Opens a file for streaming reads (hashing, transfers, {@code more}); the channel supports positional reads
     * and {@code transferTo}. A reader keeps the version it opened even if the file is replaced meanwhile.
     */
    public FileChannel openChannel(FsPath file) throws FsException {
        requireReadable(file);
        namespaceLock.lock();
        try {
            BasicFileAttributes attributes = inspect(file)
                    .orElseThrow(() -> new FsException(FsError.NO_SUCH_FILE, file.display()));
            if (attributes.isDirectory()) {
                throw new FsException(FsError.IS_A_DIRECTORY, file.display());
            }
            return FileChannel.open(host(file), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw ioError(file, e);
        } finally {
            namespaceLock.unlock();
        }
    }

    /** {@link #openChannel} as an unbuffered {@link InputStream}; callers read with their own buffer size. */
    public InputStream openInputStream(FsPath file) throws FsException {
        return Channels.newInputStream(openChannel(file));
    }

    /** {@link #beginWrite(FsPath, long)} when the size is not known in advance (TFTP, SCP without size). */
    public AtomicWrite beginWrite(FsPath destination) throws FsException {
        return begin(destination, 0);
    }

    /**
     * Starts an atomic write of a file expected to be {@code expectedSize} bytes, reserving that space now so the
     * copy fails fast. The file only appears on {@link AtomicWrite#commit()}. The old file, if any, stays visible
     * and counted until then, so replacing a file needs room for both, as the rename requires on disk.
     *
     * @throws FsException {@link FsError#NOT_ENOUGH_SPACE} when the expected size does not fit,
     *         {@link FsError#IS_A_DIRECTORY} / {@link FsError#NO_SUCH_FILE} when the destination cannot be a file
     */
    public AtomicWrite beginWrite(FsPath destination, long expectedSize) throws FsException {
        if (expectedSize < 0) {
            throw new IllegalArgumentException("expected size must not be negative: " + expectedSize);
        }
        return begin(destination, expectedSize);
    }

    /**
     * Erases everything ({@code format}, {@code erase nvram:}): files, directories, numbering. Refused with
     * {@link FsError#DEVICE_BUSY} while a write is in flight.
     */
    public void format() throws FsException {
        requireWritable(root());
        namespaceLock.lock();
        try {
            if (!activeWrites.isEmpty()) {
                throw new FsException(FsError.DEVICE_BUSY, root().display());
            }
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(root)) {
                for (Path child : stream) {
                    HostFolders.deleteTree(child);
                }
                HostFolders.syncDirectory(root);
            } catch (IOException e) {
                throw ioError(root(), e);
            } finally {
                index.clear();
                saveIndex();
                recount(root());
            }
            LOG.info("Formatted {}", spec.prefix());
        } finally {
            namespaceLock.unlock();
        }
    }

    /** Deletes temp files left by writes that were in flight when the daemon stopped; returns how many. */
    public int removeLeftovers() throws FsException {
        if (!hasStorage()) {
            return 0;
        }
        Set<Path> active = new HashSet<>();
        activeWrites.forEach(write -> active.add(write.temp()));
        List<Path> leftovers = new ArrayList<>();
        namespaceLock.lock();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().startsWith(PathRules.TEMP_PREFIX) && !active.contains(file)) {
                        leftovers.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                LOG.info("Removed leftover temp file {}", leftover);
            }
            recount(root());
        } catch (IOException e) {
            throw ioError(root(), e);
        } finally {
            namespaceLock.unlock();
        }
        return leftovers.size();
    }

    @Override
    public String toString() {
        return spec.prefix();
    }

    // ---- used by AtomicWrite ----

    void growReservation(AtomicWrite write, long bytes) throws FsException {
        synchronized (accounting) {
            if (!PinnedSpace.fits(spec, usedBytes, reservedBytes, bytes, channels, write.destination())) {
                throw new FsException(FsError.NOT_ENOUGH_SPACE, write.destination().display());
            }
            reservedBytes += bytes;
        }
    }

    FileEntry commitWrite(AtomicWrite write, Path temp, long size, long reservation) throws FsException {
        FsPath destination = write.destination();
        namespaceLock.lock();
        try {
            requireDirectory(destination.parent());
            Optional<BasicFileAttributes> existing = inspect(destination);
            if (existing.isPresent() && existing.get().isDirectory()) {
                throw new FsException(FsError.IS_A_DIRECTORY, destination.display());
            }
            Path host = host(destination);
            Instant modified = clock.instant();
            try {
                Files.setLastModifiedTime(temp, FileTime.from(modified));
                HostFolders.keepFolderTime(host.getParent(), () -> Files.move(temp, host,
                        StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING));
            } catch (IOException e) {
                throw ioError(destination, e);
            }
            // The file is in place: from here on nothing may fail the commit.
            try {
                HostFolders.syncDirectory(host.getParent());
            } catch (IOException e) {
                LOG.warn("fsync of folder {} failed after commit of {}: {}", host.getParent(), destination,
                        e.toString());
            }
            int number = index.numberOf(destination.relative());
            index.saveQuietly(spec.prefix());
            long used = countUsedQuietly();
            synchronized (accounting) {
                if (used >= 0) {
                    usedBytes = used;
                } else {
                    usedBytes += size - existing.map(BasicFileAttributes::size).orElse(0L);
                }
                reservedBytes -= reservation;
            }
            activeWrites.remove(write);
            LOG.debug("Committed {} ({} bytes)", destination, size);
            return new FileEntry(number, destination, false, size, modified);
        } finally {
            namespaceLock.unlock();
        }
    }

    /** Deletes the temp file of an aborted write without touching its folder's time. */
    void deleteTemp(Path temp) throws IOException {
        HostFolders.keepFolderTime(temp.getParent(), () -> Files.deleteIfExists(temp));
    }

    void finishWrite(AtomicWrite write, long reservation) {
        if (activeWrites.remove(write)) {
            synchronized (accounting) {
                reservedBytes -= reservation;
            }
        }
    }

    // ---- internals ----

    private AtomicWrite begin(FsPath destination, long expectedSize) throws FsException {
        requireWritable(destination);
        namespaceLock.lock();
        try {
            requireNotRoot(destination);
            Optional<BasicFileAttributes> existing = inspect(destination);
            if (existing.isPresent() && existing.get().isDirectory()) {
                throw new FsException(FsError.IS_A_DIRECTORY, destination.display());
            }
            requireDirectory(destination.parent());
            recount(root());
            Path temp;
            FileChannel channel;
            synchronized (accounting) {
                if (!PinnedSpace.fits(spec, usedBytes, reservedBytes, expectedSize, channels, destination)) {
                    throw new FsException(FsError.NOT_ENOUGH_SPACE, destination.display());
                }
                reservedBytes += expectedSize;
            }
            try {
                Path folder = host(destination.parent());
                Path[] created = new Path[1];
                HostFolders.keepFolderTime(folder,
                        () -> created[0] = Files.createTempFile(folder, PathRules.TEMP_PREFIX, ""));
                temp = created[0];
                channel = HostSpace.openChecked(channels, destination, temp, expectedSize, this::deleteTemp);
            } catch (IOException | FsException e) {
                synchronized (accounting) {
                    reservedBytes -= expectedSize;
                }
                throw e instanceof FsException fs ? fs : ioError(destination, (IOException) e);
            }
            AtomicWrite write = new AtomicWrite(this, destination, temp, channel, expectedSize);
            activeWrites.add(write);
            LOG.debug("Writing {} via {}, {} bytes reserved", destination, temp.getFileName(), expectedSize);
            return write;
        } finally {
            namespaceLock.unlock();
        }
    }

    /**
     * Attributes of {@code path} without following links, or empty when it does not exist. Refuses (and logs) a
     * path with a symbolic link or special file anywhere on the way: links could point out of the root.
     */
    private Optional<BasicFileAttributes> inspect(FsPath path) throws FsException {
        Path current = root;
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            for (String component : path.components()) {
                if (!attributes.isDirectory()) {
                    throw new FsException(FsError.NOT_A_DIRECTORY, path.display());
                }
                current = current.resolve(component);
                attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!attributes.isRegularFile() && !attributes.isDirectory()) {
                    LOG.warn("Refused {}: {} is a symbolic link or special file", path, current);
                    throw new FsException(FsError.PERMISSION_DENIED, path.display());
                }
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ioError(path, e);
        }
        return Optional.of(attributes);
    }

    private Path host(FsPath path) {
        Path host = path.isRoot() ? root : root.resolve(path.relative()).normalize();
        if (!host.startsWith(root)) {
            // Unreachable for FsPaths built by PathRules; kept as a last line of defence.
            throw new IllegalStateException("path outside root: " + path);
        }
        return host;
    }

    private FileEntry entryOf(FsPath path, BasicFileAttributes attributes, int number) {
        boolean directory = attributes.isDirectory();
        return new FileEntry(number, path, directory, directory ? 0 : attributes.size(),
                attributes.lastModifiedTime().toInstant());
    }

    private void requireDirectory(FsPath directory) throws FsException {
        BasicFileAttributes attributes = inspect(directory)
                .orElseThrow(() -> new FsException(FsError.NO_SUCH_FILE, directory.display()));
        if (!attributes.isDirectory()) {
            throw new FsException(FsError.NOT_A_DIRECTORY, directory.display());
        }
    }

    private void requireNotRoot(FsPath path) throws FsException {
        if (path.isRoot()) {
            throw new FsException(FsError.INVALID_PATH, path.display());
        }
    }

    private void requireNoWriteUnder(FsPath path) throws FsException {
        for (AtomicWrite write : activeWrites) {
            if (path.contains(write.destination())) {
                throw new FsException(FsError.DEVICE_BUSY, path.display());
            }
        }
    }

    private void requireStorage(FsPath path) throws FsException {
        if (path.fileSystem() != this) {
            throw new IllegalArgumentException(path + " is not on " + spec.prefix());
        }
        if (!spec.type().hasStorage()) {
            throw new FsException(FsError.NOT_SUPPORTED, path.display());
        }
        if (root == null) {
            throw new FsException(FsError.NO_SUCH_DEVICE, path.display());
        }
    }

    private void requireReadable(FsPath path) throws FsException {
        requireStorage(path);
        if (!spec.access().readable()) {
            throw new FsException(FsError.PERMISSION_DENIED, path.display());
        }
    }

    private void requireWritable(FsPath path) throws FsException {
        requireStorage(path);
        if (!spec.access().writable()) {
            throw new FsException(FsError.PERMISSION_DENIED, path.display());
        }
    }

    /** Recounts used bytes; callers hold the namespace lock, so no commit or delete runs meanwhile. */
    private void recount(FsPath context) throws FsException {
        long used;
        try {
            used = countUsed();
        } catch (IOException e) {
            throw ioError(context, e);
        }
        synchronized (accounting) {
            usedBytes = used;
        }
    }

    private long countUsedQuietly() {
        try {
            return countUsed();
        } catch (IOException e) {
            LOG.warn("Could not recount {}: {}", spec.prefix(), e.toString());
            return -1;
        }
    }

    /** Sum of the sizes of visible regular files below the root; links are not followed. */
    private long countUsed() throws IOException {
        long[] total = new long[1];
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !PathRules.isHidden(file.getFileName().toString())) {
                    total[0] += attributes.size();
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    private void saveIndex() throws FsException {
        try {
            index.saveIfDirty();
        } catch (IOException e) {
            throw ioError(root(), e);
        }
    }

    private static FsException ioError(FsPath path, IOException cause) {
        FsException mapped = HostFailureCause.exception(path.display(), cause);
        LOG.debug("Host failure on {}: {} ({})", path, mapped.error().reason(), cause.toString());
        return mapped;
    }

    private record Child(String name, String relative, BasicFileAttributes attributes) {
    }
}
