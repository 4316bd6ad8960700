package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.IosFileSystem;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Wipes a file system on the file-I/O executor, then reports the outcome in IOS's words: {@code %Error <verb>
 * <fs>: (<reason>)} on failure, the command's own success lines otherwise. Shared by {@code erase} and
 * {@code format}, which differ only in their questions and success text.
 */
final class FileSystemWipe {

    private FileSystemWipe() {
    }

    static CompletableFuture<Void> run(Invocation inv, IosFileSystem fs, Executor fileIo, String verb,
                                       Runnable reportSuccess) {
        return CompletableFuture.runAsync(() -> {
            try {
                fs.format();
            } catch (FsException e) {
                throw new CompletionException(e);
            }
        }, fileIo).handle((v, error) -> {
            Throwable cause = error instanceof CompletionException c ? c.getCause() : error;
            if (cause instanceof FsException e) {
                inv.startLine();
                inv.println("%Error " + verb + " " + fs.spec().prefix() + " (" + e.error().reason() + ")");
                StorageFailureLog.warnIfHost(inv, verb, fs.spec().prefix(), e);
            } else if (cause != null) {
                throw new CompletionException(cause);
            } else {
                reportSuccess.run();
            }
            return null;
        });
    }
}
