package dev.ioslab.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One device's software-authenticity state: its {@link KeyStorage}, which {@code debug software authenticity} kinds
 * are on, and what boot recorded about the signatures of the running system image and of an upgradable ROM monitor
 * ({@code ROMMON 2}) once one is installed. Thread-safe: debugging flags are synchronized, records are volatile.
 */
public final class SoftwareAuthenticity {

    /** An image whose signature was checked when it was started: where it came from and what it says. */
    public record BootedImage(String path, ImageSignature signature) {
    }

    private final KeyStorage keys;
    private final Path stateFile;
    private final EnumSet<DebugCategory> debugging = EnumSet.noneOf(DebugCategory.class);
    private volatile BootedImage systemImage;
    private volatile BootedImage upgradableRommon;

    /** State that lives only as long as this object (tests, devices without a state folder). */
    public SoftwareAuthenticity(KeyStorage keys) {
        this(keys, null);
    }

    /**
     * State whose upgradable ROM monitor is kept in {@code stateFile} (DESIGN's {@code var/devices/<name>/state}), so a
     * ROM monitor upgrade survives daemon restarts; the file is read now.
     */
    public SoftwareAuthenticity(KeyStorage keys, Path stateFile) {
        this.keys = keys;
        this.stateFile = stateFile;
        this.upgradableRommon = stateFile == null ? null : BootStateFile.loadRommon(stateFile).orElse(null);
    }

    public KeyStorage keys() {
        return keys;
    }

    /** The kinds of debugging that are on, in declaration order. */
    public synchronized Set<DebugCategory> debugging() {
        return Collections.unmodifiableSet(EnumSet.copyOf(debugging));
    }

    /** Whether messages of {@code category} are wanted: that kind or {@code verbose} is on. */
    public synchronized boolean debugging(DebugCategory category) {
        return debugging.contains(category) || debugging.contains(DebugCategory.VERBOSE);
    }

    public synchronized void setDebugging(DebugCategory category, boolean on) {
        if (on) {
            debugging.add(category);
        } else {
            debugging.remove(category);
        }
    }

    /** {@code undebug all}. */
    public synchronized void undebugAll() {
        debugging.clear();
    }

    /** The system image's signature as recorded at boot, if boot checked one. */
    public Optional<BootedImage> systemImage() {
        return Optional.ofNullable(systemImage);
    }

    /** Records the signature of the system image the device booted (boot-time verification). */
    public void recordSystemImage(BootedImage image) {
        this.systemImage = image;
    }

    /** The upgradable ROM monitor's signature, once one was installed ({@code upgrade rom-monitor}). */
    public Optional<BootedImage> upgradableRommon() {
        return Optional.ofNullable(upgradableRommon);
    }

    /**
     * Records the signature of the upgradable ROM monitor the device now runs, and keeps it in the state file when
     * there is one (blocking file I/O: call it off the I/O threads).
     *
     * @throws UncheckedIOException when the state file cannot be written; the record then stays as it was
     */
    public synchronized void recordUpgradableRommon(BootedImage rommon) {
        if (stateFile != null) {
            try {
                BootStateFile.saveRommon(stateFile, rommon);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + stateFile + ": " + e.getMessage(), e);
            }
        }
        this.upgradableRommon = rommon;
    }

    /**
     * Forgets what boot recorded and any installed upgradable ROM monitor, deletes the state file and turns debugging
     * off (a factory reset). Blocking file I/O: call it off the I/O threads.
     *
     * @throws UncheckedIOException when the state file cannot be deleted
     */
    public synchronized void clearBootState() {
        if (stateFile != null) {
            try {
                Files.deleteIfExists(stateFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + stateFile + ": " + e.getMessage(), e);
            }
        }
        this.upgradableRommon = null;
        this.systemImage = null;
        debugging.clear();
    }
}
