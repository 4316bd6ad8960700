package dev.ioslab.image;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of software signing key (Cisco's "Digitally Signed Cisco Software": release keys sign production images,
 * development keys sign special images, the rollover key signs revocation images). Each has the code it is written
 * with in an image's metadata attribute, the label used in file names and the signing tool ({@code release-A}),
 * and the name {@code show software authenticity keys} prints. Immutable.
 */
public enum KeyType {
    RELEASE(0, "release", "Production"),
    DEVELOPMENT(1, "development", "Special"),
    ROLLOVER(2, "rollover", "Rollover");

    private final int code;
    private final String label;
    private final String display;

    KeyType(int code, String label, String display) {
        this.code = code;
        this.label = label;
        this.display = display;
    }

    /** The value of the {@code keyType} ENUMERATED in the metadata attribute. */
    public int code() {
        return code;
    }

    /** The lower-case name used in file names and on the signing tool's command line. */
    public String label() {
        return label;
    }

    /** What IOS prints as the key type ({@code Production}, {@code Special}). */
    public String display() {
        return display;
    }

    /** The key type written as {@code code}, if any. */
    public static Optional<KeyType> ofCode(long code) {
        for (KeyType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The key type named {@code label} (any case), if any. */
    public static Optional<KeyType> ofLabel(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        for (KeyType t : values()) {
            if (t.label.equals(lower)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
