package dev.ioslab.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The control API's one credential: with a token configured, a call passes only when its {@code Authorization}
 * header is {@code Bearer <token>}, compared in constant time. Immutable; never printed.
 */
final class BearerToken {

    private final Optional<byte[]> expected;

    BearerToken(Optional<String> token) {
        this.expected = token.filter(t -> !t.isEmpty()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a call with this {@code Authorization} header value (null when absent) may proceed. */
    boolean admits(String authorization) {
        if (expected.isEmpty()) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, expected.get());
    }

    @Override
    public String toString() {
        return expected.isPresent() ? "BearerToken[set]" : "BearerToken[none]";
    }
}
