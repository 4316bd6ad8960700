package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code key-string}: starts entering a user's public key as base64 lines, ended by {@code exit}. */
public final class KeyStringCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_SSH_PUBKEY_USER)
                .syntax("key-string")
                .help("key-string", "Enter a public key")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().enterMode(CliMode.CONFIG_SSH_PUBKEY_DATA,
                new PublicKeyEntry((String) inv.context().modeTarget()));
    }
}
