package dev.ioslab.image;

import java.util.Locale;

/**
 * Every {@code %DIGISIGN-} system message the emulated IOS prints, with its severity, mnemonic and wording, in one
 * table. Wordings marked in docs/image-format.md as recalled rather than captured can be changed here alone.
 * Immutable.
 */
public enum DigisignMessage {
    /** A signature that does not verify (or covers another payload). */
    INVALID_SIGNATURE(3, "INVALID_SIGNATURE", "%%Digital signature is not valid for file %s"),
    /** A file without a signature. */
    SIGNATURE_NOT_PRESENT(4, "SIGNATURE_NOT_PRESENT", "%%WARNING: Digital signature is not found in file %s"),
    /** Any other failure: a malformed envelope, a hash mismatch, a revoked key. */
    VERIFICATION_FAILED(3, "VERIFICATION_FAILED", "%%Digital signature verification failed for file %s: %s"),
    /** The key that signed the file is not in the key storage. */
    KEY_NOT_FOUND(3, "KEY_NOT_FOUND", "%%No keys found for verifying the digital signature in file %s"),
    /** A special (development-signed) system image is running. */
    DEV_IMAGE(4, "DEV_IMAGE", "%%Cisco development special image detected"),
    /** A development-signed upgradable ROM monitor is running (Cisco's configuration guide, key revocation example). */
    DEV_ROMMON(4, "DEV_IMAGE", "Upgradable rommon software signed using special key version %s");

    private final int severity;
    private final String mnemonic;
    private final String format;

    DigisignMessage(int severity, String mnemonic, String format) {
        this.severity = severity;
        this.mnemonic = mnemonic;
        this.format = format;
    }

    public int severity() {
        return severity;
    }

    public String mnemonic() {
        return mnemonic;
    }

    /** {@code %DIGISIGN-3-INVALID_SIGNATURE: %Digital signature is not valid for file flash0:x}. */
    public String render(Object... args) {
        return "%DIGISIGN-" + severity + "-" + mnemonic + ": " + String.format(Locale.ROOT, format, args);
    }

    /** The message for a check that did not succeed; {@code path} is the file as the user named it. */
    public static String forFailure(VerificationResult result, String path) {
        return switch (result.status()) {
            case VALID -> throw new IllegalArgumentException("a valid image has no failure message");
            case NOT_SIGNED -> SIGNATURE_NOT_PRESENT.render(path);
            case INVALID_SIGNATURE -> INVALID_SIGNATURE.render(path);
            case UNKNOWN_KEY -> KEY_NOT_FOUND.render(path);
            case HASH_MISMATCH, REVOKED_KEY, MALFORMED -> VERIFICATION_FAILED.render(path, result.detail());
        };
    }
}
