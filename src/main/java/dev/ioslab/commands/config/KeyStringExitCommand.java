package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import java.util.Optional;

/**
 * {@code exit} after a {@code key-string}: decodes the key typed so far and stores it as a {@code key-hash} of the
 * user, then returns to the user's mode. A key that does not decode is refused with a message and not stored.
 */
public final class KeyStringExitCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_SSH_PUBKEY_DATA)
                .syntax("exit")
                .help("exit", "Exit from the key-string mode")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        PublicKeyEntry entry = (PublicKeyEntry) inv.context().modeTarget();
        Optional<String[]> key = entry.typeAndHash();
        if (key.isPresent()) {
            inv.context().device().config().ssh().addKeyHash(entry.user(), key.get()[0], key.get()[1]);
        } else {
            inv.println("%SSH: Failed to decode the key value");
        }
        inv.context().enterMode(CliMode.CONFIG_SSH_PUBKEY_USER, entry.user());
    }
}
