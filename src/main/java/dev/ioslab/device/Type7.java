package dev.ioslab.device;

import java.util.Optional;

/**
 * Cisco type 7 ("service password-encryption") encoding: a reversible XOR with a fixed key table, two decimal
 * seed digits then two hex digits per character (reference §7.3). It hides passwords from shoulder-surfing only.
 */
public final class Type7 {

    private static final String XLAT = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";

    private Type7() {
    }

    /** Encodes with a seed chosen from the text, so the same password always renders the same. */
    public static String encode(String plain) {
        int seed = Math.floorMod(plain.hashCode(), 16);
        StringBuilder out = new StringBuilder(String.format("%02d", seed));
        for (int i = 0; i < plain.length(); i++) {
            int x = plain.charAt(i) ^ XLAT.charAt((seed + i) % XLAT.length());
            out.append(String.format("%02X", x & 0xff));
        }
        return out.toString();
    }

    /** Decodes, or empty when the text is not a valid type 7 string. */
    public static Optional<String> decode(String encoded) {
        if (encoded.length() < 2 || encoded.length() % 2 != 0 || !encoded.matches("\\d\\d[0-9A-Fa-f]*")) {
            return Optional.empty();
        }
        int seed = Integer.parseInt(encoded.substring(0, 2));
        if (seed > 15) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 2, k = 0; i < encoded.length(); i += 2, k++) {
            int v = Integer.parseInt(encoded.substring(i, i + 2), 16);
            out.append((char) (v ^ XLAT.charAt((seed + k) % XLAT.length())));
        }
        return Optional.of(out.toString());
    }
}
