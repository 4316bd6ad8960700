package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code username NAME} under {@code ip ssh pubkey-chain} (and {@code no username NAME}, which drops its keys). */
public final class PubkeyUsernameCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_SSH_PUBKEY)
                .syntax("username WORD:user")
                .syntax("no username WORD:user")
                .help("username", "Configure a user's public key")
                .help("user", "SSH user name")
                .help("no", "Negate a command or set its defaults")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        var config = inv.context().device().config();
        if (inv.isNo()) {
            config.ssh().removeKeyUser(inv.arg("user"));
            return;
        }
        config.ssh().addKeyUser(inv.arg("user"));
        inv.context().enterMode(CliMode.CONFIG_SSH_PUBKEY_USER, inv.arg("user"));
    }
}
