package dev.ioslab.frontend.ssh;

import java.io.IOException;

import dev.ioslab.fs.FsException;

/**
 * A refusal or failure the SCP server reports to the client as an SCP error line ({@code \001<message>\n}); the
 * message is meant for the person at the client, in IOS's words.
 */
final class ScpFailure extends IOException {

    ScpFailure(String message) {
        super(message);
    }

    ScpFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** IOS's copy error, e.g. {@code %Error copying flash0:/big.bin (Not enough space on device)}. */
    static String copying(FsException e) {
        return "%Error copying " + e.getMessage();
    }

    /** IOS's open error, e.g. {@code %Error opening flash0:/x.bin (No such file or directory)}. */
    static String opening(FsException e) {
        return "%Error opening " + e.getMessage();
    }
}
