package dev.ioslab.image;

import java.util.Optional;

/**
 * What checking one image found: the status and a human-readable detail (empty when valid), the signature
 * (metadata and signer) when the envelope could be read, the key storage entry that was consulted, and the
 * hashes: the computed SHA-512 of the payload and the one embedded in the envelope (lower-case hex), and the MD5 of
 * the whole file when it was asked for. Immutable.
 *
 * @param fileBytes size of the whole file
 * @param payloadBytes size of the payload (the whole file when it is not signed)
 */
public record VerificationResult(VerificationStatus status, String detail, Optional<ImageSignature> signature,
                                 Optional<StoredKey> key, Optional<String> computedSha512,
                                 Optional<String> embeddedSha512, Optional<String> md5, long fileBytes,
                                 long payloadBytes) {

    public VerificationResult {
        if (status == null) {
            throw new IllegalArgumentException("status missing");
        }
        detail = detail == null ? "" : detail;
    }

    public boolean isValid() {
        return status == VerificationStatus.VALID;
    }

    /** A file whose envelope could not be read: no signature, no hashes. */
    static VerificationResult unreadable(VerificationStatus status, String detail, long fileBytes) {
        return new VerificationResult(status, detail, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), fileBytes, fileBytes);
    }
}
