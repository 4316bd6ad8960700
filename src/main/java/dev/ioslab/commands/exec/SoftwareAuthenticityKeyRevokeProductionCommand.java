package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.image.KeyType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code software authenticity key revoke production} (Cisco's "Digitally Signed Cisco Software", production key
 * revocation, last step): run from a production image signed with the newest production (release) key, after the
 * reload onto it, revokes the older production keys in the primary and the backup key storage. Refused from a
 * special or revocation image, from a production image signed with an older key, and while the upgradable ROM
 * monitor is signed with an older production key. See {@link KeyRevocation} for the lines it prints.
 */
public final class SoftwareAuthenticityKeyRevokeProductionCommand implements Command {

    private final KeyRevocation steps;

    /** {@code fileIo} runs the blocking key storage writes. */
    public SoftwareAuthenticityKeyRevokeProductionCommand(Executor fileIo) {
        this.steps = new KeyRevocation(fileIo, KeyType.RELEASE);
    }

    @Override
    public CommandSpec spec() {
        return KeyCommands.describe(CommandSpec.in(CliMode.EXEC)
                .syntax("software authenticity key revoke production"))
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        return steps.run(inv);
    }
}
