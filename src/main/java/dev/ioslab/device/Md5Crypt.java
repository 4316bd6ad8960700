package dev.ioslab.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Cisco type 5 secrets: the FreeBSD MD5-crypt algorithm ({@code $1$<salt>$<22 chars>}), as IOS writes
 * {@code enable secret 5 ...} and {@code username x secret 5 ...}. Stateless and thread-safe.
 */
public final class Md5Crypt {

    private static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern HASH = Pattern.compile("\\$1\\$[./0-9A-Za-z]{1,8}\\$[./0-9A-Za-z]{22}");

    private Md5Crypt() {
    }

    /** Hashes with a fresh 4-character salt, as IOS does. */
    public static String hash(String password) {
        StringBuilder salt = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            salt.append(ITOA64.charAt(RANDOM.nextInt(64)));
        }
        return hash(password, salt.toString());
    }

    /** Hashes with a given salt (at most 8 characters are used). */
    public static String hash(String password, String salt) {
        byte[] pw = password.getBytes(StandardCharsets.ISO_8859_1);
        String s = salt.length() > 8 ? salt.substring(0, 8) : salt;
        byte[] sb = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] magic = "$1$".getBytes(StandardCharsets.ISO_8859_1);
        MessageDigest ctx = md5();
        ctx.update(pw);
        ctx.update(magic);
        ctx.update(sb);
        MessageDigest alt = md5();
        alt.update(pw);
        alt.update(sb);
        alt.update(pw);
        byte[] fin = alt.digest();
        for (int pl = pw.length; pl > 0; pl -= 16) {
            ctx.update(fin, 0, Math.min(pl, 16));
        }
        Arrays.fill(fin, (byte) 0);
        for (int i = pw.length; i != 0; i >>>= 1) {
            if ((i & 1) != 0) {
                ctx.update(fin, 0, 1);
            } else {
                ctx.update(pw, 0, 1);
            }
        }
        fin = ctx.digest();
        // One digest for the 1,000 rounds: digest() resets it, and a provider look-up per round cost more than the
        // hashing itself (about 8 % of an SSH login's CPU).
        MessageDigest round = md5();
        for (int i = 0; i < 1000; i++) {
            if ((i & 1) != 0) {
                round.update(pw);
            } else {
                round.update(fin, 0, 16);
            }
            if (i % 3 != 0) {
                round.update(sb);
            }
            if (i % 7 != 0) {
                round.update(pw);
            }
            if ((i & 1) != 0) {
                round.update(fin, 0, 16);
            } else {
                round.update(pw);
            }
            fin = round.digest();
        }
        StringBuilder out = new StringBuilder("$1$").append(s).append('$');
        to64(out, (b(fin[0]) << 16) | (b(fin[6]) << 8) | b(fin[12]), 4);
        to64(out, (b(fin[1]) << 16) | (b(fin[7]) << 8) | b(fin[13]), 4);
        to64(out, (b(fin[2]) << 16) | (b(fin[8]) << 8) | b(fin[14]), 4);
        to64(out, (b(fin[3]) << 16) | (b(fin[9]) << 8) | b(fin[15]), 4);
        to64(out, (b(fin[4]) << 16) | (b(fin[10]) << 8) | b(fin[5]), 4);
        to64(out, b(fin[11]), 2);
        return out.toString();
    }

    /** Checks a password against a {@code $1$salt$hash} string. */
    public static boolean matches(String password, String hashed) {
        if (!hashed.startsWith("$1$")) {
            return false;
        }
        int end = hashed.indexOf('$', 3);
        if (end < 0) {
            return false;
        }
        String computed = hash(password, hashed.substring(3, end));
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.ISO_8859_1),
                hashed.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Whether text has the shape of a type 5 hash. */
    public static boolean isHash(String text) {
        return HASH.matcher(text).matches();
    }

    private static int b(byte v) {
        return v & 0xff;
    }

    private static void to64(StringBuilder out, int v, int n) {
        for (int i = 0; i < n; i++) {
            out.append(ITOA64.charAt(v & 0x3f));
            v >>>= 6;
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }
}
