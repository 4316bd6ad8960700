package dev.ioslab.image;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Checks one signed image in a single pass over the file: reads the trailer and the envelope (at most 64 KiB from the
 * end), then streams the file once, feeding the payload to SHA-512 and, when asked, every byte to MD5 (both the JDK's
 * {@link MessageDigest}), then looks the signing key up in the device's {@link TrustedKeys} and verifies the RSA
 * signature over the signed attributes with the stored key. The certificate in the envelope only names the signer.
 *
 * <p>Never throws for a bad file: every problem with its content is a {@link VerificationResult} status. Only I/O
 * errors and cancellation (the {@link ImageCheck#cancelled()} flag, read between 1 MiB chunks) are thrown. Runs on
 * a verification worker; stateless.
 */
public final class ImageVerifier {

    /** Read size: large enough that hashing, not system calls, sets the pace. */
    static final int CHUNK_BYTES = 1 << 20;

    private ImageVerifier() {
    }

    /**
     * Verifies the image in {@code channel} (read from position 0 to its size when the check starts; not closed).
     *
     * @throws IOException when the file cannot be read
     * @throws CancellationException when the check's cancellation flag turned true
     */
    public static VerificationResult verify(FileChannel channel, TrustedKeys keys, ImageCheck check)
            throws IOException {
        stopIfCancelled(check);
        check.listener().started();
        long size = channel.size();
        ImageTrailer.Located located;
        SignatureEnvelope envelope;
        try {
            located = ImageTrailer.locate(channel, size);
            envelope = EnvelopeParser.parse(located.envelope());
        } catch (ImageFormatException e) {
            return VerificationResult.unreadable(e.status(), e.detail(), size);
        }
        check.listener().hashing(envelope, size);
        Digests digests = hash(channel, size, located.payloadLength(), check);
        ImageMetadata metadata = envelope.metadata();
        Optional<StoredKey> key = keys.find(metadata.keyType(), metadata.keyVersion());
        String keyName = metadata.keyType().label() + " key version " + metadata.keyVersion();
        VerificationStatus status;
        String detail;
        if (key.isEmpty()) {
            status = VerificationStatus.UNKNOWN_KEY;
            detail = "no " + keyName + " in the key storage";
        } else if (!key.get().isActive()) {
            status = VerificationStatus.REVOKED_KEY;
            detail = keyName + " is revoked";
        } else if (!Arrays.equals(digests.sha512, envelope.embeddedDigest())) {
            status = VerificationStatus.HASH_MISMATCH;
            detail = "the SHA-512 of the payload differs from the embedded hash";
        } else if (!signatureVerifies(envelope, key.get().key())) {
            status = VerificationStatus.INVALID_SIGNATURE;
            detail = "the signature does not verify with the stored " + keyName;
        } else {
            status = VerificationStatus.VALID;
            detail = "";
        }
        HexFormat hex = HexFormat.of();
        return new VerificationResult(status, detail, Optional.of(envelope.describe()), key,
                Optional.of(hex.formatHex(digests.sha512)), Optional.of(envelope.embeddedSha512()),
                Optional.ofNullable(digests.md5).map(hex::formatHex), size, located.payloadLength());
    }

    /**
     * Reads the trailer and envelope of the file in {@code channel} without hashing it.
     *
     * @throws IOException when the file cannot be read
     */
    public static Inspection inspect(FileChannel channel) throws IOException {
        long size = channel.size();
        try {
            ImageTrailer.Located located = ImageTrailer.locate(channel, size);
            return new Inspection.Signed(EnvelopeParser.parse(located.envelope()), located.payloadLength());
        } catch (ImageFormatException e) {
            return new Inspection.Unreadable(e.status(), e.detail());
        }
    }

    private record Digests(byte[] sha512, byte[] md5) {
    }

    private static Digests hash(FileChannel channel, long size, long payloadLength, ImageCheck check)
            throws IOException {
        MessageDigest sha512 = digest("SHA-512");
        MessageDigest md5 = check.md5() ? digest("MD5") : null;
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, Math.max(1, size)));
        byte[] bytes = buffer.array();
        long position = 0;
        while (position < size) {
            buffer.clear();
            buffer.limit((int) Math.min(bytes.length, size - position));
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new EOFException("file shrank while it was hashed");
            }
            if (position < payloadLength) {
                sha512.update(bytes, 0, (int) (Math.min(position + n, payloadLength) - position));
            }
            if (md5 != null) {
                md5.update(bytes, 0, n);
            }
            position += n;
            check.listener().hashed(position, size);
            stopIfCancelled(check);
        }
        return new Digests(sha512.digest(), md5 == null ? null : md5.digest());
    }

    private static boolean signatureVerifies(SignatureEnvelope envelope, SoftwareKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA512withRSA");
            rsa.initVerify(key.publicKey());
            rsa.update(envelope.signedAttributes());
            return rsa.verify(envelope.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JVM", e);
        }
    }

    private static void stopIfCancelled(ImageCheck check) {
        if (check.cancelled().getAsBoolean()) {
            throw new CancellationException("image check cancelled");
        }
    }
}
