package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * {@code [no] service password-encryption}: turning it on re-stores every clear password as type 7; turning it off
 * leaves them encrypted, as IOS does.
 */
public final class ServicePasswordEncryptionCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("[no] service password-encryption")
                .help("service", "Modify use of network based services")
                .help("password-encryption", "Encrypt system passwords")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().device().config().setPasswordEncryption(!inv.isNo());
    }
}
