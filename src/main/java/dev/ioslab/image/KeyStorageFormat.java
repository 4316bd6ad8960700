package dev.ioslab.image;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The text form of one copy of a device's key storage (docs/image-format.md, "Key storage"):
 *
 * <pre>
 * ioslab-key-storage 1
 * key release A active 10001 C8AE595E...          (type, version, state, exponent and modulus in hex)
 * sha256 3F0A...                                  (SHA-256 of every byte before this line)
 * </pre>
 *
 * Decoding checks the header, every field, that no key type and version appears twice, and the checksum, so a
 * truncated, edited or garbled copy is recognised as damaged. Stateless.
 */
final class KeyStorageFormat {

    static final String HEADER = "ioslab-key-storage 1";
    /** A copy larger than this is damaged (a copy with a hundred keys is about 60 KiB). */
    static final int MAX_BYTES = 1 << 20;

    private KeyStorageFormat() {
    }

    /** Why a copy cannot be used. */
    static final class DamagedException extends Exception {
        DamagedException(String reason) {
            super(reason, null, false, false);
        }
    }

    static byte[] encode(List<StoredKey> keys) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        HexFormat hex = HexFormat.of().withUpperCase();
        for (StoredKey k : keys) {
            sb.append("key ").append(k.key().type().label()).append(' ').append(k.key().version()).append(' ')
                    .append(k.state().label()).append(' ')
                    .append(k.key().exponent().toString(16).toUpperCase(Locale.ROOT)).append(' ')
                    .append(hex.formatHex(unsigned(k.key().modulus()))).append('\n');
        }
        byte[] body = sb.toString().getBytes(StandardCharsets.US_ASCII);
        String sum = "sha256 " + HexFormat.of().withUpperCase().formatHex(sha256(body)) + "\n";
        byte[] out = new byte[body.length + sum.length()];
        System.arraycopy(body, 0, out, 0, body.length);
        System.arraycopy(sum.getBytes(StandardCharsets.US_ASCII), 0, out, body.length, sum.length());
        return out;
    }

    static List<StoredKey> decode(byte[] bytes) throws DamagedException {
        if (bytes.length > MAX_BYTES) {
            throw new DamagedException("larger than " + MAX_BYTES + " bytes");
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.endsWith("\n")) {
            throw new DamagedException("truncated (no final newline)");
        }
        int sumLine = text.lastIndexOf('\n', text.length() - 2) + 1;
        String sum = text.substring(sumLine, text.length() - 1);
        if (!sum.startsWith("sha256 ")) {
            throw new DamagedException("checksum line missing");
        }
        byte[] body = text.substring(0, sumLine).getBytes(StandardCharsets.US_ASCII);
        String expected = HexFormat.of().withUpperCase().formatHex(sha256(body));
        if (!sum.substring("sha256 ".length()).equals(expected)) {
            throw new DamagedException("checksum mismatch");
        }
        String[] lines = text.substring(0, sumLine).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new DamagedException("unknown header \"" + printable(lines[0]) + "\"");
        }
        List<StoredKey> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.length - 1; i++) {
            StoredKey k = parseKey(lines[i], i + 1);
            if (!seen.add(k.key().label())) {
                throw new DamagedException("line " + (i + 1) + ": " + k.key().label() + " appears twice");
            }
            keys.add(k);
        }
        return keys;
    }

    private static StoredKey parseKey(String line, int number) throws DamagedException {
        String[] f = line.split(" ", -1);
        if (f.length != 6 || !f[0].equals("key") || f[2].length() != 1) {
            throw new DamagedException("line " + number + " is not a key entry");
        }
        Optional<KeyType> type = KeyType.ofLabel(f[1]);
        Optional<KeyState> state = KeyState.ofLabel(f[3]);
        if (type.isEmpty() || state.isEmpty()) {
            throw new DamagedException("line " + number + ": unknown key type or state");
        }
        try {
            BigInteger exponent = new BigInteger(f[4], 16);
            BigInteger modulus = new BigInteger(1, HexFormat.of().parseHex(f[5]));
            return new StoredKey(new SoftwareKey(type.get(), f[2].charAt(0), modulus, exponent), state.get());
        } catch (IllegalArgumentException e) {
            throw new DamagedException("line " + number + ": " + e.getMessage());
        }
    }

    /** The modulus as exactly its 256 unsigned bytes. */
    static byte[] unsigned(BigInteger modulus) {
        byte[] b = modulus.toByteArray();
        int length = (modulus.bitLength() + 7) / 8;
        byte[] out = new byte[length];
        System.arraycopy(b, b.length - length, out, 0, length);
        return out;
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
