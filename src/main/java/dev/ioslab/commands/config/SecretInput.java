package dev.ioslab.commands.config;

import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Credential;
import dev.ioslab.device.Md5Crypt;
import dev.ioslab.device.Type7;
import java.util.Optional;

/**
 * Turns the {@code [type] text} of secret and password commands into a stored credential, with IOS's
 * complaints when an "encrypted" value is not one. Shared by {@code username}, {@code enable}, {@code line password}
 * and {@code ip ftp password}.
 */
final class SecretInput {

    private SecretInput() {
    }

    /** A secret: type 0 is hashed now (type 5); type 5 must already be an MD5-crypt hash. */
    static Optional<Credential> secret(Invocation inv, String typeArg, String text) {
        long type = inv.number(typeArg, 0);
        if (type == 0) {
            return Optional.of(Credential.secret(text));
        }
        if (type == 5) {
            if (Md5Crypt.isHash(text)) {
                return Optional.of(new Credential(5, text));
            }
            inv.println("ERROR: The secret you entered is not a valid encrypted secret.");
            inv.println("To enter an UNENCRYPTED secret, do not specify type 5 encryption.");
            inv.println("When you properly enter an UNENCRYPTED secret, it will be encrypted.");
            inv.println("");
            return Optional.empty();
        }
        inv.rejectArgument(typeArg);
        return Optional.empty();
    }

    /** A password: type 0 stays clear (until password encryption), type 7 must decode. */
    static Optional<Credential> password(Invocation inv, String typeArg, String text) {
        long type = inv.number(typeArg, 0);
        if (type == 0) {
            return Optional.of(Credential.password(text));
        }
        if (type == 7) {
            if (Type7.decode(text).isPresent()) {
                return Optional.of(new Credential(7, text));
            }
            inv.println("Invalid encrypted password: " + text);
            return Optional.empty();
        }
        inv.rejectArgument(typeArg);
        return Optional.empty();
    }
}
