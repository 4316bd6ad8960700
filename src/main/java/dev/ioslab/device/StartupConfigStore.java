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

    private final IosFileSystem nvram;
    private final FsPath file;

    public StartupConfigStore(IosFileSystem nvram) {
        this.nvram = nvram;
        try {
            this.file = nvram.resolve("startup-config");
        } catch (FsException e) {
            throw new IllegalStateException("nvram cannot hold startup-config", e);
        }
    }

    public synchronized Optional<String> read() {
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
        try (AtomicWrite w = nvram.beginWrite(file, bytes.length)) {
            w.write(ByteBuffer.wrap(bytes));
            w.commit();
        }
    }

    public synchronized boolean erase() throws FsException {
        if (!nvram.exists(file)) {
            return false;
        }
        nvram.delete(file);
        return true;
    }
}
