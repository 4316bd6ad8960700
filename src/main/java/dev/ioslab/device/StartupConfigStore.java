package dev.ioslab.device;

import dev.ioslab.fs.AtomicWrite;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.FsPath;
import dev.ioslab.fs.IosFileSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The file {@code nvram:startup-config}: read at boot, written by {@code write memory} through the file-system
 * API's atomic write (temp file, fsync, rename), so it is always either the old or the new configuration and
 * counts against NVRAM's capacity. Thread-safe: writers are serialised.
 */
public final class StartupConfigStore {

    private final DeviceStorage storage;

    /** The startup configuration in {@code storage}'s {@code nvram:}; a storage not in use holds none. */
    public StartupConfigStore(DeviceStorage storage) {
        this.storage = storage;
    }

    private IosFileSystem nvram() {
        return storage.table().find("nvram").orElseThrow(() -> new IllegalStateException("the device has no nvram"));
    }

    private FsPath file(IosFileSystem nvram) {
        try {
            return nvram.resolve("startup-config");
        } catch (FsException e) {
            throw new IllegalStateException("nvram cannot hold startup-config", e);
        }
    }

    /** The saved configuration; empty when there is none (always on a device whose storage is not in use). */
    public synchronized Optional<String> read() {
        if (!storage.inUse()) {
            return Optional.empty();
        }
        IosFileSystem nvram = nvram();
        FsPath file = file(nvram);
        try {
            if (!nvram.exists(file)) {
                return Optional.empty();
            }
            try (InputStream in = nvram.openInputStream(file)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        } catch (FsException | IOException e) {
            throw new UncheckedIOException("cannot read nvram:startup-config",
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
    }

    /** Replaces the startup configuration atomically; fails with "Not enough space on device" when it is too big. */
    public synchronized void write(String text) throws FsException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        IosFileSystem nvram = nvram();
        FsPath file = file(nvram);
        try (AtomicWrite w = nvram.beginWrite(file, bytes.length)) {
            w.write(ByteBuffer.wrap(bytes));
            w.commit();
        }
    }

    public synchronized boolean erase() throws FsException {
        if (!storage.inUse()) {
            return false;
        }
        IosFileSystem nvram = nvram();
        FsPath file = file(nvram);
        if (!nvram.exists(file)) {
            return false;
        }
        nvram.delete(file);
        return true;
    }
}
