package dev.ioslab.image;

/**
 * What {@code show software authenticity file|running} prints about a signed image: its metadata (image type, key
 * version, platform, version) and the signer its certificate names. The hash and signature algorithms are the
 * format's only ones. Immutable.
 */
public record ImageSignature(ImageMetadata metadata, SignerIdentity signer) {

    /** The hash algorithm as IOS names it. */
    public static final String HASH_ALGORITHM = "SHA512";
    /** The signature algorithm as IOS names it. */
    public static final String SIGNATURE_ALGORITHM = "2048-bit RSA";
}
