package dev.ioslab.image;

/**
 * What reading a file's trailer and envelope found, without hashing the payload: the envelope, or why there is none.
 * Used where IOS only describes a signature ({@code show software authenticity file}).
 */
public sealed interface Inspection {

    /** The file carries a well-formed envelope. */
    record Signed(SignatureEnvelope envelope, long payloadBytes) implements Inspection {
    }

    /** The file is not signed, or its trailer or envelope is malformed; {@code detail} says why. */
    record Unreadable(VerificationStatus status, String detail) implements Inspection {
    }
}
