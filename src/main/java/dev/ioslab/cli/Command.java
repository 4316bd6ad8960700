package dev.ioslab.cli;

import java.util.concurrent.CompletableFuture;

/**
 * One IOS command. Its syntax is data ({@link #spec()}); {@link #execute} only acts. A command that finishes at
 * once returns a completed future; one that waits (a transfer, a question to the user, a verification) returns a
 * future completed later, from any thread. Commands never block the calling thread.
 */
public interface Command {

    /** The syntax this command registers. */
    CommandSpec spec();

    /** Runs the command for one parsed invocation. */
    CompletableFuture<Void> execute(Invocation invocation);
}
