package dev.ioslab.image;

import java.util.Optional;

/**
 * What a signed image says about itself in its metadata attribute: its type, the type and version letter of the key
 * that signed it, the platform it is for ({@code C3900}), the version {@code show version} prints after boot
 * ({@code 15.7(3)M8}) and, for production and revocation images, the key it bundles. Immutable.
 *
 * <p>The constructor enforces the format's rules, so a value that exists is one the format can carry: the image type
 * may be signed with the key type, the key version is a letter, platform and version are printable and short, and a
 * bundled key is of the type the image type bundles.
 */
public record ImageMetadata(ImageType imageType, KeyType keyType, char keyVersion, String platform, String version,
                            Optional<SoftwareKey> bundledKey) {

    /** Longest platform name the format carries. */
    public static final int MAX_PLATFORM = 64;
    /** Longest version string the format carries. */
    public static final int MAX_VERSION = 128;

    /** @throws IllegalArgumentException when the values break one of the format's rules (the message says which) */
    public ImageMetadata {
        if (imageType == null || keyType == null) {
            throw new IllegalArgumentException("image type and key type are required");
        }
        if (!imageType.signableWith(keyType)) {
            throw new IllegalArgumentException("a " + imageType.label() + " image cannot be signed with a "
                    + keyType.label() + " key");
        }
        if (!SoftwareKey.isVersion(keyVersion)) {
            throw new IllegalArgumentException("key version must be a letter A to Z: '" + keyVersion + "'");
        }
        platform = checkText("platform", platform, MAX_PLATFORM);
        version = checkText("version", version, MAX_VERSION);
        bundledKey = bundledKey == null ? Optional.empty() : bundledKey;
        if (bundledKey.isPresent()) {
            Optional<KeyType> allowed = imageType.bundledKeyType();
            KeyType bundled = bundledKey.get().type();
            if (allowed.isEmpty()) {
                throw new IllegalArgumentException("a " + imageType.label() + " image cannot bundle a key");
            }
            if (allowed.get() != bundled) {
                throw new IllegalArgumentException("a " + imageType.label() + " image bundles a "
                        + allowed.get().label() + " key, not a " + bundled.label() + " key");
            }
        }
    }

    /** Metadata without a bundled key. */
    public static ImageMetadata of(ImageType imageType, KeyType keyType, char keyVersion, String platform,
                                   String version) {
        return new ImageMetadata(imageType, keyType, keyVersion, platform, version, Optional.empty());
    }

    /** The same metadata bundling {@code key}. */
    public ImageMetadata bundling(SoftwareKey key) {
        return new ImageMetadata(imageType, keyType, keyVersion, platform, version, Optional.of(key));
    }

    /** What {@code show software authenticity} prints as {@code Image type}. */
    public String imageTypeDisplay() {
        return imageType.display(keyType);
    }

    private static String checkText(String what, String text, int max) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (text.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException(what + " must be printable ASCII without spaces: \"" + text + "\"");
            }
        }
        return text;
    }
}
