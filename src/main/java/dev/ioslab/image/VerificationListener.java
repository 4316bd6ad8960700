package dev.ioslab.image;

/**
 * Follows one image check as it runs, for progress output. Called on the verification worker, one call at a time;
 * implementations must not block. Every method has an empty default.
 */
public interface VerificationListener {

    /** A listener that ignores everything. */
    VerificationListener NONE = new VerificationListener() {
    };

    /** A worker took the check up (it may have waited in the queue before). */
    default void started() {
    }

    /** The envelope was read; hashing of {@code totalBytes} (the whole file) begins. */
    default void hashing(SignatureEnvelope envelope, long totalBytes) {
    }

    /** {@code doneBytes} of the file have been hashed so far. */
    default void hashed(long doneBytes, long totalBytes) {
    }
}
