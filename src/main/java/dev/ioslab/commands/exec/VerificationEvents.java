package dev.ioslab.commands.exec;

import dev.ioslab.device.DeviceEvent;
import dev.ioslab.image.VerificationResult;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * The {@code verification} event of a finished image check: the file, {@code valid} or what was wrong
 * ({@code invalid signature}, {@code revoked key} …, or {@code aborted} / {@code error} when the check could not
 * run), and the signer's common name. Stateless.
 */
public final class VerificationEvents {

    private VerificationEvents() {
    }

    /** The event for {@code file} checked with {@code result}, or failed with {@code error}. */
    public static DeviceEvent.Verification of(String file, VerificationResult result, Throwable error) {
        if (result == null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            return new DeviceEvent.Verification(file, cause instanceof CancellationException ? "aborted" : "error",
                    "");
        }
        String signer = result.signature().map(s -> s.signer().commonName()).orElse("");
        return new DeviceEvent.Verification(file, result.status().label(), signer);
    }
}
