package dev.ioslab.image;

import dev.ioslab.fs.DurableWrite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's key storage: the public keys it verifies images with (type, version letter, active or revoked, RSA
 * modulus), kept in two copies, {@code keys/primary} and {@code keys/backup}. Every change rewrites the primary copy
 * durably (temp file, fsync, rename), then the backup, so a crash between the two leaves a newer primary. Opening
 * repairs: a missing or damaged copy is restored from the other one, a backup that differs from a good primary (an
 * interrupted write) is rewritten, each repair logged at WARN. A device without either copy holds the factory keys,
 * written to both copies only with its first change (a rack of idle devices keeps nothing on disk); a device whose two
 * copies are both damaged keeps them as {@code *.damaged} and is provisioned afresh, logged at ERROR.
 *
 * <p>Changes can also be made copy by copy ({@link Area}), as IOS's {@code software authenticity key add|revoke}
 * report them: the primary first, then the backup, which is then rewritten as a copy of the primary.
 *
 * <p>Threading: lookups read an immutable snapshot without locking (safe from any thread); changes and
 * {@link #readArea} are blocking file I/O (changes are synchronized), so call them off the I/O threads.
 */
public final class KeyStorage implements TrustedKeys {

    private static final Logger LOG = LoggerFactory.getLogger(KeyStorage.class);
    /** Listing order: as {@code show software authenticity keys} lists keys, release keys first. */
    private static final Comparator<StoredKey> ORDER = Comparator.comparing((StoredKey k) -> k.key().type())
            .thenComparing(k -> k.key().version());

    private final Path primary;
    private final Path backup;
    private final Consumer<Path> afterWrite;
    private volatile List<StoredKey> keys;
    /** Neither copy is on disk yet: {@link #keys} are the factory keys, written with the first change. */
    private boolean factoryState;

    private KeyStorage(Path dir, Consumer<Path> afterWrite, List<StoredKey> keys) {
        this.primary = dir.resolve("primary");
        this.backup = dir.resolve("backup");
        this.afterWrite = afterWrite;
        this.keys = keys;
    }

    /**
     * Opens (and repairs) the key storage in {@code dir}; when neither copy exists it holds {@code factoryKeys}, all
     * active, and nothing is written until the first change.
     *
     * @throws IOException when a copy cannot be read or written for a reason other than damage (permissions, disk)
     */
    public static KeyStorage open(Path dir, List<SoftwareKey> factoryKeys) throws IOException {
        return open(dir, factoryKeys, p -> { });
    }

    /** As {@link #open(Path, List)}; {@code afterWrite} sees every file after it was durably replaced (tests). */
    static KeyStorage open(Path dir, List<SoftwareKey> factoryKeys, Consumer<Path> afterWrite) throws IOException {
        KeyStorage storage = new KeyStorage(dir, afterWrite, List.of());
        storage.load(factoryKeys.stream().map(k -> new StoredKey(k, KeyState.ACTIVE)).sorted(ORDER).toList());
        return storage;
    }

    /** The file of the primary copy. */
    public Path primaryFile() {
        return primary;
    }

    /** The file of the backup copy. */
    public Path backupFile() {
        return backup;
    }

    /** Every key, active and revoked: release keys, then development, then rollover, each by version. */
    public List<StoredKey> list() {
        return keys;
    }

    @Override
    public Optional<StoredKey> find(KeyType type, char version) {
        return keys.stream().filter(k -> k.key().type() == type && k.key().version() == version).findFirst();
    }

    /** What {@link #addKey} did. */
    public enum AddResult {
        /** The key was written to both copies. */
        ADDED,
        /** The same key (type, version and modulus) is already stored; nothing changed. */
        ALREADY_PRESENT,
        /** Another key of the same type and version is stored; nothing changed. */
        CONFLICT
    }

    /** Adds {@code key} as active to the primary, then the backup copy. */
    public synchronized AddResult addKey(SoftwareKey key) throws IOException {
        Optional<StoredKey> existing = find(key.type(), key.version());
        if (existing.isPresent()) {
            return existing.get().key().equals(key) ? AddResult.ALREADY_PRESENT : AddResult.CONFLICT;
        }
        List<StoredKey> next = new ArrayList<>(keys);
        next.add(new StoredKey(key, KeyState.ACTIVE));
        next.sort(ORDER);
        store(List.copyOf(next));
        return AddResult.ADDED;
    }

    /**
     * Revokes every active key of {@code type} whose version letter comes before {@code version} ("Revoking keys with
     * version less than B"), in the primary, then the backup copy, and returns them as they are now (revoked).
     *
     * @throws IllegalStateException when no active key of {@code type} with version {@code version} or later is
     *         stored: revoking would leave the device unable to verify images of that type
     */
    public synchronized List<StoredKey> revokeOlderThan(KeyType type, char version) throws IOException {
        requireSuccessor(type, version);
        List<StoredKey> revoked = new ArrayList<>();
        List<StoredKey> next = new ArrayList<>();
        for (StoredKey k : keys) {
            if (k.key().type() == type && k.isActive() && k.key().version() < version) {
                revoked.add(k.revoked());
                next.add(k.revoked());
            } else {
                next.add(k);
            }
        }
        if (!revoked.isEmpty()) {
            store(List.copyOf(next));
        }
        return List.copyOf(revoked);
    }

    /**
     * Puts the key storage back to {@code factoryKeys}, all active (a factory reset): the primary copy, then the
     * backup, each written durably. Blocking file I/O.
     */
    public synchronized void resetTo(List<SoftwareKey> factoryKeys) throws IOException {
        store(factoryKeys.stream().map(k -> new StoredKey(k, KeyState.ACTIVE)).sorted(ORDER).toList());
    }

    /** One of the two copies, named as IOS names it ({@code Adding the key to Primary}). */
    public enum Area {
        PRIMARY("Primary"),
        BACKUP("Backup");

        private final String display;

        Area(String display) {
            this.display = display;
        }

        /** {@code Primary} or {@code Backup}. */
        public String display() {
            return display;
        }
    }

    /** The file of the copy {@code area}. */
    public Path file(Area area) {
        return area == Area.PRIMARY ? primary : backup;
    }

    /**
     * The keys the copy {@code area} holds on disk now, active and revoked, or empty when that copy is missing or
     * damaged. Blocking file I/O.
     *
     * @throws IOException when the copy cannot be read for a reason other than damage
     */
    public synchronized Optional<List<StoredKey>> readArea(Area area) throws IOException {
        if (factoryState) {
            return Optional.of(keys);
        }
        return read(file(area)) instanceof Copy.Good good ? Optional.of(sorted(good.keys())) : Optional.empty();
    }

    /**
     * Adds {@code key} as active to one copy, after checking that copy for a duplicate, as IOS does copy by copy: the
     * primary as it stands, the backup as it is on disk (a missing or damaged backup holds nothing). The primary is
     * rewritten with the key added; a backup without the key is rewritten as a copy of the primary, so add to the
     * primary first. Nothing is written when the copy already holds the key ({@link AddResult#ALREADY_PRESENT}) or
     * another key of its type and version ({@link AddResult#CONFLICT}).
     *
     * @throws IllegalStateException when adding to the backup a key the primary does not hold
     */
    public synchronized AddResult addKey(SoftwareKey key, Area area) throws IOException {
        writeFactoryState();
        List<StoredKey> copy = area == Area.PRIMARY ? keys : readArea(Area.BACKUP).orElse(List.of());
        Optional<StoredKey> existing = copy.stream()
                .filter(k -> k.key().type() == key.type() && k.key().version() == key.version()).findFirst();
        if (existing.isPresent()) {
            return existing.get().key().equals(key) ? AddResult.ALREADY_PRESENT : AddResult.CONFLICT;
        }
        if (area == Area.PRIMARY) {
            List<StoredKey> next = new ArrayList<>(keys);
            next.add(new StoredKey(key, KeyState.ACTIVE));
            next.sort(ORDER);
            write(primary, KeyStorageFormat.encode(next));
            keys = List.copyOf(next);
        } else {
            if (find(key.type(), key.version()).filter(k -> k.key().equals(key)).isEmpty()) {
                throw new IllegalStateException(key.label() + " is not in the primary copy; add it there first");
            }
            write(backup, KeyStorageFormat.encode(keys));
        }
        return AddResult.ADDED;
    }

    /**
     * Revokes, in one copy, every active key of {@code type} whose version letter comes before {@code version}, and
     * returns them as they are now (revoked): the primary as it stands, as {@link #revokeOlderThan(KeyType, char)}
     * does; the backup as it is on disk, rewritten as a copy of the primary when it held any, so revoke in the
     * primary first. A missing or damaged backup holds nothing to revoke and is rewritten as a copy of the primary;
     * otherwise nothing is written when there is nothing to revoke.
     *
     * @throws IllegalStateException when revoking in the primary would leave no active key of {@code type} with
     *         version {@code version} or later, or when revoking in the backup before the primary
     */
    public synchronized List<StoredKey> revokeOlderThan(KeyType type, char version, Area area) throws IOException {
        writeFactoryState();
        Optional<List<StoredKey>> backupCopy = area == Area.BACKUP ? readArea(Area.BACKUP) : Optional.empty();
        List<StoredKey> copy = area == Area.PRIMARY ? keys : backupCopy.orElse(List.of());
        if (area == Area.PRIMARY) {
            requireSuccessor(type, version);
        } else if (keys.stream().anyMatch(k -> olderActive(k, type, version))) {
            throw new IllegalStateException("revoke " + type.label() + " keys older than " + version
                    + " in the primary copy first");
        }
        List<StoredKey> revoked = copy.stream().filter(k -> olderActive(k, type, version)).map(StoredKey::revoked)
                .toList();
        if (revoked.isEmpty() && (area == Area.PRIMARY || backupCopy.isPresent())) {
            return revoked;
        }
        if (area == Area.PRIMARY) {
            List<StoredKey> next = keys.stream().map(k -> olderActive(k, type, version) ? k.revoked() : k).toList();
            write(primary, KeyStorageFormat.encode(next));
            keys = next;
        } else {
            write(backup, KeyStorageFormat.encode(keys));
        }
        return revoked;
    }

    /**
     * Writes the factory keys to both copies before a change made copy by copy, so the copy not changed yet holds
     * what the device held before.
     */
    private void writeFactoryState() throws IOException {
        if (factoryState) {
            store(keys);
        }
    }

    private static boolean olderActive(StoredKey k, KeyType type, char version) {
        return k.key().type() == type && k.isActive() && k.key().version() < version;
    }

    private void requireSuccessor(KeyType type, char version) {
        boolean successor = keys.stream().anyMatch(k -> k.key().type() == type && k.isActive()
                && k.key().version() >= version);
        if (!successor) {
            throw new IllegalStateException("no active " + type.label() + " key version " + version
                    + " or later in the key storage");
        }
    }

    private void store(List<StoredKey> next) throws IOException {
        byte[] bytes = KeyStorageFormat.encode(next);
        write(primary, bytes);
        // The primary copy is authoritative from here: a failure on the backup is repaired at the next open.
        keys = next;
        factoryState = false;
        write(backup, bytes);
    }

    private void write(Path file, byte[] bytes) throws IOException {
        DurableWrite.replace(file, bytes, false);
        afterWrite.accept(file);
    }

    /** A copy as found on disk. */
    private sealed interface Copy {
        record Good(List<StoredKey> keys, byte[] bytes) implements Copy {
        }

        record Missing() implements Copy {
        }

        record Damaged(String reason) implements Copy {
        }
    }

    private Copy read(Path file) throws IOException {
        byte[] bytes;
        try {
            if (Files.size(file) > KeyStorageFormat.MAX_BYTES) {
                return new Copy.Damaged("larger than " + KeyStorageFormat.MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Copy.Missing();
        }
        try {
            return new Copy.Good(KeyStorageFormat.decode(bytes), bytes);
        } catch (KeyStorageFormat.DamagedException e) {
            return new Copy.Damaged(e.getMessage());
        }
    }

    private void load(List<StoredKey> factory) throws IOException {
        Copy p = read(primary);
        Copy b = read(backup);
        if (p instanceof Copy.Good good) {
            keys = sorted(good.keys());
            if (!(b instanceof Copy.Good other) || !Arrays.equals(other.bytes(), good.bytes())) {
                LOG.warn("Key storage {}: backup copy {}; restored from the primary copy", backup, describe(b));
                write(backup, good.bytes());
            }
        } else if (b instanceof Copy.Good good) {
            keys = sorted(good.keys());
            LOG.warn("Key storage {}: primary copy {}; restored from the backup copy", primary, describe(p));
            write(primary, good.bytes());
        } else if (p instanceof Copy.Missing && b instanceof Copy.Missing) {
            keys = factory;
            factoryState = !factory.isEmpty();
        } else {
            LOG.error("Key storage {}: primary copy {} and backup copy {}; kept as *.damaged, provisioned afresh"
                    + " with {}", primary.getParent(), describe(p), describe(b), labels(factory));
            keepDamaged(primary);
            keepDamaged(backup);
            keys = List.of();
            if (!factory.isEmpty()) {
                store(factory);
            }
        }
    }

    private static List<StoredKey> sorted(List<StoredKey> keys) {
        return keys.stream().sorted(ORDER).toList();
    }

    private static void keepDamaged(Path file) throws IOException {
        if (Files.exists(file)) {
            DurableWrite.moveOver(file, file.resolveSibling(file.getFileName() + ".damaged"));
        }
    }

    private static String describe(Copy c) {
        if (c instanceof Copy.Missing) {
            return "is missing";
        }
        if (c instanceof Copy.Damaged d) {
            return "is damaged (" + d.reason() + ")";
        }
        return "differs (an interrupted write)";
    }

    private static List<String> labels(List<StoredKey> keys) {
        return keys.stream().map(k -> k.key().label()).toList();
    }
}
