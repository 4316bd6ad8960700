package dev.ioslab.frontend.ssh;

import dev.ioslab.fs.DurableWrite;
import dev.ioslab.fs.HostFailureCause;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
        byte[] encoded;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, deviceName + " host key", null, out);
            encoded = out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot encode the SSH host key for " + file + ": " + e.getMessage(), e);
        }
        try {
            // Owner-only from the first byte, fsynced, renamed over the file, the folder fsynced.
            DurableWrite.replace(file, encoded, true);
        } catch (IOException e) {
            String reason = HostFailureCause.of(e).reason();
            LOG.warn("Cannot store the SSH host key of {} at {}: {} ({})", deviceName, file, reason, e.toString());
            throw new IOException("Cannot store the SSH host key of " + deviceName + " at " + file + " (" + reason
                    + ")", e);
        }
    }
}
