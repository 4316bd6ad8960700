package dev.ioslab.image;

/**
 * A signed image that cannot be taken apart: which {@link VerificationStatus} it earns ({@code NOT_SIGNED} or
 * {@code MALFORMED}) and a precise, human-readable reason. Thrown only inside this package and always turned into
 * a {@link VerificationResult} before it reaches a caller.
 */
final class ImageFormatException extends Exception {

    private final VerificationStatus status;

    ImageFormatException(VerificationStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    static ImageFormatException malformed(String detail) {
        return new ImageFormatException(VerificationStatus.MALFORMED, detail);
    }

    VerificationStatus status() {
        return status;
    }

    String detail() {
        return getMessage();
    }
}
