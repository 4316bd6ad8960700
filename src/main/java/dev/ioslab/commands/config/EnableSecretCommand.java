package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * {@code enable secret [0|5] X} and {@code enable password [0|7] X} with their {@code no} forms. The secret is
 * kept as type 5; the password clear unless {@code service password-encryption} is on.
 */
public final class EnableSecretCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("enable secret [<0-5>:type] LINE:text")
                .syntax("enable password [<0-7>:type] LINE:text")
                .syntax("no enable (secret|password)")
                .help("enable", "Modify enable password parameters")
                .help("secret", "Assign the privileged level secret (MAX of 25 characters)")
                .help("password", "Assign the privileged level password (MAX of 25 characters)")
                .help("type", "Specifies the type of the password that follows")
                .help("text", "The secret")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        var config = inv.context().device().config();
        boolean secret = inv.has("secret");
        if (inv.isNo()) {
            if (secret) {
                config.setEnableSecret(null);
            } else {
                config.setEnablePassword(null);
            }
            return;
        }
        if (secret) {
            SecretInput.secret(inv, "type", inv.arg("text")).ifPresent(config::setEnableSecret);
        } else {
            SecretInput.password(inv, "type", inv.arg("text")).ifPresent(config::setEnablePassword);
        }
    }
}
