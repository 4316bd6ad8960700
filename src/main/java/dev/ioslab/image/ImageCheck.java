package dev.ioslab.image;

import java.util.function.BooleanSupplier;

/**
 * How to run one image check: whether to compute the MD5 of the whole file as well (IOS prints it as the
 * {@code CCO Hash}; it costs as much CPU as the SHA-512), who follows the progress, and the flag the check reads
 * between chunks to stop early (a session that went away or was interrupted). Immutable.
 */
public record ImageCheck(boolean md5, VerificationListener listener, BooleanSupplier cancelled) {

    public ImageCheck {
        listener = listener == null ? VerificationListener.NONE : listener;
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    /** SHA-512 and signature only, no progress, never cancelled: what boot-time checks need. */
    public static ImageCheck signatureOnly() {
        return new ImageCheck(false, VerificationListener.NONE, () -> false);
    }

    /** The same check with the MD5 of the whole file as well. */
    public ImageCheck withMd5() {
        return new ImageCheck(true, listener, cancelled);
    }
}
