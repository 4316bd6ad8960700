package dev.ioslab.control;

import java.util.Optional;

/**
 * A call the API refuses, answered as JSON {@code {"error": message, "field": field}} with {@code status}: 400 for a
 * malformed body or parameter (naming the field), 404 for an unknown device, fault or route, 409 for a request the
 * device's state does not allow now. The message is for people and never carries a stack trace or a credential.
 */
public final class ApiException extends Exception {

    private final int status;
    private final String field;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    public ApiException(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    /** 400 naming the offending field. */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, message, field);
    }

    /** 404 for something that does not exist. */
    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public int status() {
        return status;
    }

    /** The request field (body property or query parameter) at fault, if one is. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
