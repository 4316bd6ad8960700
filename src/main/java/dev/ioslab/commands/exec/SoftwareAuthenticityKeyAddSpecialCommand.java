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
 * {@code software authenticity key add special} (Cisco's "Digitally Signed Cisco Software", special key revocation,
 * step 1): run from a production image, adds the special (development) key it bundles to the primary and the backup
 * key storage after checking each for a duplicate. From a revocation or special image it is refused. See
 * {@link KeyAddition} for the lines it prints.
 */
public final class SoftwareAuthenticityKeyAddSpecialCommand implements Command {

    private final KeyAddition steps;

    /** {@code fileIo} runs the blocking key storage writes. */
    public SoftwareAuthenticityKeyAddSpecialCommand(Executor fileIo) {
        this.steps = new KeyAddition(fileIo, ImageType.PRODUCTION, KeyType.DEVELOPMENT);
    }

    @Override
    public CommandSpec spec() {
        return KeyCommands.describe(CommandSpec.in(CliMode.EXEC)
                .syntax("software authenticity key add special"))
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        return steps.run(inv);
    }
}
