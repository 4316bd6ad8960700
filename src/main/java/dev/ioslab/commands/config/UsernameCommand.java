package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.Credential;
import dev.ioslab.device.UserAccount;
import java.util.Optional;

/**
 * {@code username NAME [privilege P] (secret|password) [type] TEXT} and {@code no username NAME}. A secret is
 * stored as type 5 (MD5-crypt) unless given already hashed; a password stays clear (type 0) unless
 * {@code service password-encryption} is on or it is given as type 7.
 */
public final class UsernameCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("username WORD:user [privilege <0-15>:level] secret [<0-9>:type] LINE:text")
                .syntax("username WORD:user [privilege <0-15>:level] password [<0-7>:type] LINE:text")
                .syntax("no username WORD:user")
                .help("username", "Establish User Name Authentication")
                .help("user", "User name")
                .help("privilege", "Set user privilege level")
                .help("level", "User privilege level")
                .help("secret", "Specify the secret for the user")
                .help("password", "Specify the password for the user")
                .help("type", "Encryption type (0 to disable encryption, 5 for MD5, 7 for hidden)")
                .help("text", "The secret or password for the user")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        var config = inv.context().device().config();
        String user = inv.arg("user");
        if (inv.isNo()) {
            config.removeUser(user);
            return;
        }
        int level = (int) inv.number("level", 1);
        boolean secret = inv.has("secret");
        Optional<Credential> credential = secret ? SecretInput.secret(inv, "type", inv.arg("text"))
                : SecretInput.password(inv, "type", inv.arg("text"));
        credential.ifPresent(c -> config.putUser(new UserAccount(user, level, c, secret)));
    }
}
