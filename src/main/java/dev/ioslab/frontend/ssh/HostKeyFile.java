package dev.ioslab.frontend.ssh;

import dev.ioslab.fs.HostFailureCause;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's persistent SSH host key in OpenSSH format. New keys are ECDSA P-256 ({@code ecdsa-sha2-nistp256},
 * which IOS 15.5+ and IOS XE also offer): every client we serve negotiates it, from paramiko 2.x to current OpenSSH,
 * and it is generated in about a millisecond, where an RSA 2048 key takes a second or more. That is what lets a
 * rack of thousands of devices start in seconds the first time. An existing key of any type (RSA included) is
 * loaded as it is.
 *
 * <p>Created once, reused on every later start so clients keep trusting the device. Written to a temporary file in
 * the same folder, owner-only, fsynced and renamed, so a crash never leaves half a key. A file that exists but cannot
 * be read is an error, never silently replaced: a new key would make every client warn about a changed host.
 * Threading: call from the thread that starts the server (key generation takes a moment), never from an I/O thread.
 */
final class HostKeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(HostKeyFile.class);
    private static final int EC_BITS = 256;

    private HostKeyFile() {
    }

    /** Loads the key at {@code file}, or generates and stores one when the file does not exist yet. */
    static KeyPair loadOrCreate(Path file, String deviceName) throws IOException {
        if (Files.exists(file)) {
            return load(file);
        }
        KeyPair key = generate();
        store(key, file, deviceName);
        LOG.info("Generated SSH host key for {} at {}: {}", deviceName, file, KeyUtils.getFingerPrint(key.getPublic()));
        return key;
    }

    /** A new ECDSA P-256 key, in memory only. */
    static KeyPair generate() throws IOException {
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, EC_BITS);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot generate an ECDSA P-256 SSH host key: " + e.getMessage(), e);
        }
    }

    /** The key stored in {@code file}. */
    static KeyPair load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, null);
            Iterator<KeyPair> it = keys == null ? null : keys.iterator();
            if (it == null || !it.hasNext()) {
                throw new IOException("SSH host key file " + file + " holds no key; move it away to let the device"
                        + " generate a new one");
            }
            return it.next();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("Cannot read SSH host key file " + file + " (" + e.getMessage()
                    + "); move it away to let the device generate a new one", e);
        }
    }

    /**
     * Writes the key; on a host failure the temp file is removed and the exception names the device, the file and
     * the cause in IOS's words ({@code Not enough space on device}, {@code Read-only file system}, …).
     */
    static void store(KeyPair key, Path file, String deviceName) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = folder.resolve("." + file.getFileName() + ".tmp");
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(temp);
            writeTemp(key, temp, deviceName);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            String reason = HostFailureCause.of(e).reason();
            LOG.warn("Cannot store the SSH host key of {} at {}: {} ({})", deviceName, file, reason, e.toString());
            throw new IOException("Cannot store the SSH host key of " + deviceName + " at " + file + " (" + reason
                    + ")", e);
        }
        syncFolder(folder);
    }

    private static void writeTemp(KeyPair key, Path temp, String deviceName) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, deviceName + " host key", null, out);
            out.flush();
            channel.force(true);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot encode the SSH host key for " + temp + ": " + e.getMessage(), e);
        }
    }

    /** Makes the rename itself durable; not every platform can open a folder, which only costs durability. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot fsync folder {}: {}", folder, e.toString());
        }
    }
}
