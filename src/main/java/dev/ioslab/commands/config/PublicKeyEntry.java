package dev.ioslab.commands.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A public key being typed under {@code key-string}: base64 text collected line by line, then decoded into the
 * SSH key blob, whose first field names the key type, and hashed with MD5 as IOS's {@code key-hash} shows it.
 * Mutable; owned by the session that is entering the key.
 */
final class PublicKeyEntry {

    /** Longest key text accepted (an RSA 16384-bit key is about 2.8 KB of base64). */
    private static final int MAX_TEXT = 16_384;

    private final String user;
    private final StringBuilder text = new StringBuilder();

    PublicKeyEntry(String user) {
        this.user = user;
    }

    String user() {
        return user;
    }

    /** Appends a line; tools paste keys either whole ({@code ssh-rsa AAAA... comment}) or split in chunks. */
    boolean append(String line) {
        String[] words = line.strip().split("\\s+");
        for (String w : words) {
            if (w.startsWith("ssh-") || w.startsWith("ecdsa-") || w.contains("@")) {
                continue;
            }
            if (text.length() + w.length() > MAX_TEXT) {
                return false;
            }
            text.append(w);
        }
        return true;
    }

    /** The key's type and MD5 hash, or empty when the text is not a valid SSH public key. */
    Optional<String[]> typeAndHash() {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(text.toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (blob.length < 4) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(blob);
        int n = b.getInt();
        if (n <= 0 || n > 64 || n > b.remaining()) {
            return Optional.empty();
        }
        byte[] type = new byte[n];
        b.get(type);
        String keyType = new String(type, StandardCharsets.US_ASCII);
        if (!keyType.matches("ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp(256|384|521)")) {
            return Optional.empty();
        }
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(blob);
            return Optional.of(new String[] {keyType, HexFormat.of().withUpperCase().formatHex(md5)});
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }
}
