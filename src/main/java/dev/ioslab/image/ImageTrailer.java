package dev.ioslab.image;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The last 12 bytes of a signed image: 8 bytes of ASCII magic {@code IOSLABSG}, then the length of the DER envelope
 * before them as a 4-byte big-endian unsigned integer. Finds and checks the trailer of a file and reads its envelope,
 * never trusting the length: it must be 1 to {@value #MAX_ENVELOPE} bytes and lie inside the file. Stateless.
 */
final class ImageTrailer {

    /** The trailer's magic bytes. */
    static final byte[] MAGIC = "IOSLABSG".getBytes(StandardCharsets.US_ASCII);
    /** Size of the trailer. */
    static final int LENGTH = MAGIC.length + 4;
    /** Largest envelope accepted (a real one is about 1.5 KiB: a certificate, attributes and a signature). */
    static final int MAX_ENVELOPE = 64 * 1024;

    private ImageTrailer() {
    }

    /** Where a signed image's parts lie. */
    record Located(long payloadLength, byte[] envelope) {
    }

    /** The trailer for an envelope of {@code envelopeLength} bytes. */
    static byte[] encode(int envelopeLength) {
        if (envelopeLength < 1 || envelopeLength > MAX_ENVELOPE) {
            throw new IllegalArgumentException("envelope length " + envelopeLength + " outside 1.." + MAX_ENVELOPE);
        }
        return ByteBuffer.allocate(LENGTH).put(MAGIC).putInt(envelopeLength).array();
    }

    /**
     * Reads the trailer and the envelope of a file of {@code size} bytes.
     *
     * @throws ImageFormatException not signed (no trailer) or malformed (truncated trailer, bytes after it, a length
     *         of 0, above the limit or pointing before the start of the file)
     */
    static Located locate(FileChannel channel, long size) throws IOException, ImageFormatException {
        int tailLength = (int) Math.min(size, LENGTH + MAGIC.length - 1L);
        byte[] tail = read(channel, size - tailLength, tailLength);
        int trailerAt = tailLength - LENGTH;
        if (trailerAt < 0 || !magicAt(tail, trailerAt)) {
            for (int p = 0; p + MAGIC.length <= tailLength; p++) {
                if (magicAt(tail, p)) {
                    throw ImageFormatException.malformed(p > trailerAt
                            ? "signature trailer truncated (" + (tailLength - p) + " of " + LENGTH + " bytes)"
                            : (trailerAt - p) + " bytes follow the signature trailer");
                }
            }
            throw new ImageFormatException(VerificationStatus.NOT_SIGNED, "no signature trailer");
        }
        long length = ByteBuffer.wrap(tail, trailerAt + MAGIC.length, 4).getInt() & 0xffffffffL;
        if (length == 0) {
            throw ImageFormatException.malformed("envelope length is 0");
        }
        if (length > MAX_ENVELOPE) {
            throw ImageFormatException.malformed("envelope length " + length + " exceeds the " + MAX_ENVELOPE
                    + "-byte limit");
        }
        long before = size - LENGTH;
        if (length > before) {
            throw ImageFormatException.malformed("trailer points outside the file: envelope of " + length
                    + " bytes, only " + before + " bytes precede the trailer");
        }
        long payloadLength = before - length;
        return new Located(payloadLength, read(channel, payloadLength, (int) length));
    }

    private static boolean magicAt(byte[] b, int p) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[p + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new EOFException("file shrank while it was read");
            }
        }
        return buffer.array();
    }
}
