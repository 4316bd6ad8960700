package dev.ioslab.imageserver.ftp;

import java.util.Locale;
import java.util.Objects;

/**
 * An account of the FTP image repository that may store files, but only under its {@code upload/} folder; it reads
 * the whole repository like {@code anonymous}. There is no built-in account: every one comes from configuration, with
 * its own password. {@link #toString()} masks the password, so a user can be logged. Immutable.
 *
 * @param name     the FTP login name; not {@code anonymous} (that login exists, read-only), no blanks or control
 *                 characters
 * @param password the password in clear text; non-empty and different from the name
 */
public record UploadUser(String name, String password) {

    /** Validates the account; the message names what is wrong but never repeats the password. */
    public UploadUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("an FTP user name must be non-empty, without blanks or control "
                    + "characters: '" + name + "'");
        }
        if (name.toLowerCase(Locale.ROOT).equals(ImageUserDirectory.ANONYMOUS)) {
            throw new IllegalArgumentException("'" + name + "' is the built-in read-only login; give the upload "
                    + "user another name");
        }
        if (password.isEmpty() || password.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("FTP user " + name + " needs a non-empty password without CR, LF or "
                    + "NUL");
        }
        if (password.equals(name)) {
            throw new IllegalArgumentException("FTP user " + name + " has its own name as password; choose another");
        }
    }

    @Override
    public String toString() {
        return "UploadUser[name=" + name + ", password=*]";
    }
}
