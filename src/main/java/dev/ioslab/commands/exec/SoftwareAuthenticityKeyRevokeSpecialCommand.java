package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.image.KeyType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code software authenticity key revoke special} (Cisco's "Digitally Signed Cisco Software", special key
 * revocation, last step; no reload needed): run from a production image, revokes the special (development) keys
 * older than the newest one in the primary and the backup key storage. Refused from a special or revocation image
 * and while the upgradable ROM monitor is signed with an older special key. See {@link KeyRevocation} for the lines
 * it prints.
 */
public final class SoftwareAuthenticityKeyRevokeSpecialCommand implements Command {

    private final KeyRevocation steps;

    /** {@code fileIo} runs the blocking key storage writes. */
    public SoftwareAuthenticityKeyRevokeSpecialCommand(Executor fileIo) {
        this.steps = new KeyRevocation(fileIo, KeyType.DEVELOPMENT);
    }

    @Override
    public CommandSpec spec() {
        return KeyCommands.describe(CommandSpec.in(CliMode.EXEC)
                .syntax("software authenticity key revoke special"))
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        return steps.run(inv);
    }
}
