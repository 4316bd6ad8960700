package dev.ioslab.device;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A stored password or secret with its IOS encryption type: 0 (clear), 5 (MD5-crypt), 7 (reversible). Immutable.
 */
public record Credential(int type, String value) {

    /** A new secret as {@code enable secret x} stores it: type 5. */
    public static Credential secret(String plain) {
        return new Credential(5, Md5Crypt.hash(plain));
    }

    /** A clear-text password (type 0), as {@code enable password x} stores it. */
    public static Credential password(String plain) {
        return new Credential(0, plain);
    }

    /** Whether {@code candidate} is the password this credential stands for. */
    public boolean matches(String candidate) {
        return switch (type) {
            case 0 -> constantTimeEquals(value, candidate);
            case 5 -> Md5Crypt.matches(candidate, value);
            case 7 -> Type7.decode(value).map(p -> constantTimeEquals(p, candidate)).orElse(false);
            default -> false;
        };
    }

    /** The clear text for types 0 and 7 (needed to log in to FTP servers), else null. */
    public String plain() {
        return switch (type) {
            case 0 -> value;
            case 7 -> Type7.decode(value).orElse(null);
            default -> null;
        };
    }

    /** As {@code service password-encryption} leaves it: type 0 becomes type 7. */
    public Credential encrypted() {
        return type == 0 ? new Credential(7, Type7.encode(value)) : this;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credential[type=" + type + "]";
    }
}
