package dev.ioslab.frontend.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.sshd.common.config.keys.KeyUtils;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host key made when a device is first reached over SSH rather than when the rack starts, so that a rack of
 * 100,000 devices writes nothing for the devices nobody uses. The first call reads the key file, or generates a new
 * ECDSA P-256 key in memory (about a millisecond) and hands the write (temp file, fsync, rename, see
 * {@link HostKeyFile}) to {@code writer}; every later call answers from memory.
 *
 * <p>Threading: thread-safe. The first call runs on an SSH I/O thread during the device's first key exchange: it
 * reads one small file or spends the CPU of one key generation there, but never waits for a disk write. If that
 * write fails, the failure is logged and the device keeps the key until the daemon stops (the next start makes a new
 * one, and clients warn about a changed host key).
 */
public final class LazyHostKey implements HostKeySource {

    private static final Logger LOG = LoggerFactory.getLogger(LazyHostKey.class);

    private final Path file;
    private final String deviceName;
    private final Executor writer;
    private volatile KeyPair key;

    /**
     * @param file       where the key is kept ({@code var/devices/<name>/ssh/hostkey})
     * @param deviceName named in logs and in the key's comment
     * @param writer     runs the write of a new key (the daemon's file-I/O executor)
     */
    public LazyHostKey(Path file, String deviceName, Executor writer) {
        this.file = Objects.requireNonNull(file, "file");
        this.deviceName = Objects.requireNonNull(deviceName, "deviceName");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public KeyPair hostKey() throws IOException {
        KeyPair current = key;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (key == null) {
                key = Files.exists(file) ? HostKeyFile.load(file) : generateAndStore();
            }
            return key;
        }
    }

    private KeyPair generateAndStore() throws IOException {
        KeyPair generated = HostKeyFile.generate();
        LOG.info("Generated SSH host key for {}: {}", deviceName, KeyUtils.getFingerPrint(generated.getPublic()));
        try {
            writer.execute(() -> {
                try {
                    HostKeyFile.store(generated, file, deviceName);
                } catch (IOException e) {
                    // HostKeyFile has logged the cause; the key still serves until the daemon stops.
                    LOG.debug("host key of {} kept in memory only", deviceName, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("SSH host key of {} not stored: the daemon is stopping", deviceName);
        }
        return generated;
    }
}
