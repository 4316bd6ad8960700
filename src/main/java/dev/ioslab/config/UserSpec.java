package dev.ioslab.config;

import java.util.Objects;

/**
 * A local user of a device, as IOS's {@code username NAME privilege N secret SECRET} would create it.
 *
 * @param name      login name
 * @param privilege privilege level 0..15; 15 lands in privileged EXEC directly
 * @param secret    the password in clear text, as written in the configuration file; never printed
 */
public record UserSpec(String name, int privilege, String secret) {

    /** Privilege of a user whose entry names none, as IOS gives {@code username x secret y}. */
    public static final int DEFAULT_PRIVILEGE = 1;

    public UserSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
    }

    /** Masks the secret so a logged or printed configuration never shows it. */
    @Override
    public String toString() {
        return "UserSpec[name=" + name + ", privilege=" + privilege + ", secret=*****]";
    }
}
