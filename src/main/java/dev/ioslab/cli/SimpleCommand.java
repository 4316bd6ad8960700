package dev.ioslab.cli;

import java.util.concurrent.CompletableFuture;

/** A command that finishes before {@link #run} returns: most {@code show} and configuration commands. */
public interface SimpleCommand extends Command {

    /** Acts on the invocation and writes its output. */
    void run(Invocation invocation);

    @Override
    default CompletableFuture<Void> execute(Invocation invocation) {
        run(invocation);
        return CompletableFuture.completedFuture(null);
    }
}
