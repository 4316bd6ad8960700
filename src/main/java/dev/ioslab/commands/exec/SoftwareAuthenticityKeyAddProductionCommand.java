package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.KeyType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code software authenticity key add production} (Cisco's "Digitally Signed Cisco Software", production key
 * revocation, step 1): run from a revocation image (signed with the rollover key), adds the production (release) key
 * it bundles to the primary and the backup key storage after checking each for a duplicate. From a production or
 * special image it is refused. See {@link KeyAddition} for the lines it prints.
 */
public final class SoftwareAuthenticityKeyAddProductionCommand implements Command {

    private final KeyAddition steps;

    /** {@code fileIo} runs the blocking key storage writes. */
    public SoftwareAuthenticityKeyAddProductionCommand(Executor fileIo) {
        this.steps = new KeyAddition(fileIo, ImageType.REVOCATION, KeyType.RELEASE);
    }

    @Override
    public CommandSpec spec() {
        return KeyCommands.describe(CommandSpec.in(CliMode.EXEC)
                .syntax("software authenticity key add production"))
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        return steps.run(inv);
    }
}
