package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * {@code key-hash TYPE HEX}: a user's public key by the MD5 of its blob, as IOS stores keys in the running
 * configuration (a {@code key-string} is turned into one).
 */
public final class KeyHashCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_SSH_PUBKEY_USER)
                .syntax("[no] key-hash (ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|ssh-ed25519)"
                        + " WORD:hash")
                .help("key-hash", "Configure a public key hash")
                .help("ssh-rsa", "Hash of an RSA public key")
                .help("ecdsa-sha2-nistp256", "Hash of an ECDSA P-256 public key")
                .help("hash", "Key hash (MD5 of the key, in hex)")
                .help("no", "Negate a command or set its defaults")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        String hash = inv.arg("hash");
        if (!hash.matches("[0-9A-Fa-f]{32}")) {
            inv.rejectArgument("hash");
            return;
        }
        String type = inv.keywords().get(inv.isNo() ? 2 : 1);
        String user = (String) inv.context().modeTarget();
        var config = inv.context().device().config();
        if (inv.isNo()) {
            config.ssh().removeKeyHash(user, type, hash);
        } else {
            config.ssh().addKeyHash(user, type, hash);
        }
    }
}
