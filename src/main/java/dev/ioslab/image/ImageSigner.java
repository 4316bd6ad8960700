package dev.ioslab.image;

import dev.ioslab.fs.DurableWrite;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Signs an image with a lab key: copies the payload to the output while hashing it with SHA-512, then appends the
 * DER envelope and the trailer (docs/image-format.md). The output appears only when complete (temp file in the same
 * folder, fsync, rename). Blocking file and CPU work; stateless.
 */
public final class ImageSigner {

    private ImageSigner() {
    }

    /** What was written. */
    public record SignedImage(Path file, long payloadBytes, int envelopeBytes, String sha512) {
    }

    /**
     * Writes {@code payload ‖ envelope ‖ trailer} to {@code out}.
     *
     * @throws IllegalArgumentException when the metadata names another key than {@code key}, or {@code out} is the
     *         payload itself
     * @throws IOException when a file cannot be read or written
     */
    public static SignedImage sign(Path payload, ImageMetadata metadata, LabKey key, Path out) throws IOException {
        if (metadata.keyType() != key.type() || metadata.keyVersion() != key.version()) {
            throw new IllegalArgumentException("the metadata names the " + metadata.keyType().label() + "-"
                    + metadata.keyVersion() + " key but the image is signed with " + key.label());
        }
        if (Files.exists(out) && Files.isSameFile(payload, out)) {
            throw new IllegalArgumentException("the signed image cannot replace its own payload: " + out);
        }
        Path folder = out.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + out.getFileName() + ".tmp");
        MessageDigest sha512 = sha512();
        long payloadBytes = 0;
        byte[] envelope;
        try (FileChannel in = FileChannel.open(payload, StandardOpenOption.READ);
             FileChannel target = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.allocate(ImageVerifier.CHUNK_BYTES);
            while (in.read(buffer) >= 0) {
                buffer.flip();
                sha512.update(buffer.array(), 0, buffer.limit());
                payloadBytes += buffer.limit();
                writeAll(target, buffer);
                buffer.clear();
            }
            byte[] digest = sha512.digest();
            envelope = EnvelopeBuilder.build(digest, metadata, key.privateKey(), key.certificate());
            writeAll(target, ByteBuffer.wrap(envelope));
            writeAll(target, ByteBuffer.wrap(ImageTrailer.encode(envelope.length)));
            target.force(true);
            DurableWrite.moveOver(temp, out);
            DurableWrite.syncFolder(folder);
            return new SignedImage(out, payloadBytes, envelope.length, HexFormat.of().formatHex(digest));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign with " + key.label() + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The envelope and trailer for a payload already in memory (what {@link #sign} appends), for tools and tests. */
    public static byte[] signatureBlock(byte[] payload, ImageMetadata metadata, LabKey key) {
        if (metadata.keyType() != key.type() || metadata.keyVersion() != key.version()) {
            throw new IllegalArgumentException("the metadata names another key than " + key.label());
        }
        try {
            byte[] envelope = EnvelopeBuilder.build(sha512().digest(payload), metadata, key.privateKey(),
                    key.certificate());
            return ByteBuffer.allocate(envelope.length + ImageTrailer.LENGTH).put(envelope)
                    .put(ImageTrailer.encode(envelope.length)).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + key.label(), e);
        }
    }

    private static void writeAll(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required of every JVM", e);
        }
    }
}
