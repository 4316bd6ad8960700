package dev.ioslab.transfer;

import java.util.Objects;

/**
 * The user and password a client logs in with. {@link #toString()} shows the user only, so a request can be logged.
 * Immutable.
 */
public record Credentials(String user, String password) {

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=*]";
    }
}
