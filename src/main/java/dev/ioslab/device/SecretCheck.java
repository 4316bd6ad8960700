package dev.ioslab.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks typed passwords against one device's stored credentials. A type 5 secret costs a thousand MD5 rounds (about
 * a tenth of an SSH login's CPU), and automation logs in with the same password again and again: the last few type 5
 * secrets that matched are remembered as a SHA-256 of the hash and the password together, so the next login with the
 * same password is a single digest. A wrong password never matches a remembered proof and always takes the full check.
 * Nothing is kept in clear text and nothing is written anywhere. Thread-safe.
 */
public final class SecretCheck {

    private static final int REMEMBERED = 4;

    /** Proofs by stored hash, least recently used first; created at the first match (a rack's idle devices have none). */
    private Map<String, byte[]> verified;

    /** Whether {@code candidate} is the password {@code stored} stands for. */
    public boolean matches(Credential stored, String candidate) {
        if (stored.type() != 5) {
            return stored.matches(candidate);
        }
        byte[] proof = proof(stored.value(), candidate);
        synchronized (this) {
            byte[] known = verified == null ? null : verified.get(stored.value());
            if (known != null && MessageDigest.isEqual(known, proof)) {
                return true;
            }
        }
        boolean ok = stored.matches(candidate);
        if (ok) {
            remember(stored.value(), proof);
        }
        return ok;
    }

    private synchronized void remember(String hash, byte[] proof) {
        if (verified == null) {
            verified = new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                    return size() > REMEMBERED;
                }
            };
        }
        verified.put(hash, proof);
    }

    private static byte[] proof(String hash, String candidate) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(hash.getBytes(StandardCharsets.ISO_8859_1));
            sha.update((byte) 0);
            return sha.digest(candidate.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
