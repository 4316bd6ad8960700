package dev.ioslab.image;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a signed image is (Cisco's "Digitally Signed Cisco Software"): a production image signed with a release key,
 * a special image signed with a development key, a revocation image signed with the rollover key, or a ROM monitor
 * signed with a release or development key. Production and revocation images may carry a bundled key: a production
 * image the next development key, a revocation image the next release key. Immutable.
 */
public enum ImageType {
    PRODUCTION(0, "production", Set.of(KeyType.RELEASE), KeyType.DEVELOPMENT),
    SPECIAL(1, "special", Set.of(KeyType.DEVELOPMENT), null),
    REVOCATION(2, "revocation", Set.of(KeyType.ROLLOVER), KeyType.RELEASE),
    ROMMON(3, "rommon", Set.of(KeyType.RELEASE, KeyType.DEVELOPMENT), null);

    private final int code;
    private final String label;
    private final Set<KeyType> signers;
    private final KeyType bundles;

    ImageType(int code, String label, Set<KeyType> signers, KeyType bundles) {
        this.code = code;
        this.label = label;
        this.signers = signers;
        this.bundles = bundles;
    }

    /** The value of the {@code imageType} ENUMERATED in the metadata attribute. */
    public int code() {
        return code;
    }

    /** The lower-case name used on the signing tool's command line. */
    public String label() {
        return label;
    }

    /** Whether an image of this type may be signed with a key of {@code type}. */
    public boolean signableWith(KeyType type) {
        return signers.contains(type);
    }

    /** The type of key this image may bundle, if it may bundle one at all. */
    public Optional<KeyType> bundledKeyType() {
        return Optional.ofNullable(bundles);
    }

    /**
     * What {@code show software authenticity} prints as {@code Image type}: production and release-signed ROM
     * monitors are {@code Production}, special and development-signed ones {@code Special}.
     */
    public String display(KeyType signer) {
        return switch (this) {
            case PRODUCTION -> "Production";
            case SPECIAL -> "Special";
            case REVOCATION -> "Revocation";
            case ROMMON -> signer == KeyType.RELEASE ? "Production" : "Special";
        };
    }

    /** The image type written as {@code code}, if any. */
    public static Optional<ImageType> ofCode(long code) {
        for (ImageType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The image type named {@code label} (any case), if any. */
    public static Optional<ImageType> ofLabel(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        for (ImageType t : values()) {
            if (t.label.equals(lower)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
