package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** A line of base64 key text under {@code key-string}. */
public final class KeyDataCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_SSH_PUBKEY_DATA)
                .syntax("LINE:data")
                .help("data", "Public key data (base64)")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        PublicKeyEntry entry = (PublicKeyEntry) inv.context().modeTarget();
        if (!entry.append(inv.arg("data"))) {
            inv.println("%SSH: Public key too long");
        }
    }
}
