package dev.ioslab.image;

/**
 * The outcome of checking a signed image against a device's key storage, in the order the checks run: the file must
 * carry a trailer ({@link #NOT_SIGNED}) and a well-formed envelope ({@link #MALFORMED}); the key it names must be in
 * the key storage ({@link #UNKNOWN_KEY}) and active ({@link #REVOKED_KEY}); the payload must hash to the embedded
 * digest ({@link #HASH_MISMATCH}); and the signature must verify with the stored key ({@link #INVALID_SIGNATURE}).
 */
public enum VerificationStatus {
    VALID("valid"),
    INVALID_SIGNATURE("invalid signature"),
    HASH_MISMATCH("hash mismatch"),
    UNKNOWN_KEY("unknown key"),
    REVOKED_KEY("revoked key"),
    NOT_SIGNED("not signed"),
    MALFORMED("malformed");

    private final String label;

    VerificationStatus(String label) {
        this.label = label;
    }

    /** A short lower-case name for logs and the signing tool. */
    public String label() {
        return label;
    }
}
