package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.FsError;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.FsPath;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.LocalUrl;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The destination side of a copy into flash, as IOS asks it (reference §5.6): {@code Destination filename [x]?}
 * (Enter keeps the default, a directory destination defaults to the source's name), then either
 * {@code Erase flash0: before copying? [confirm]} with {@code /erase}, or for an existing file
 * {@code %Warning:There is a file already existing with this name} and {@code Do you want to over write? [confirm]}.
 * With {@code file prompt quiet} nothing is asked. Completes with the file to write, or empty once a refusal has
 * been printed or the user declined.
 */
final class CopyDestination {

    private CopyDestination() {
    }

    /**
     * @param sourceName   the source's base name, the default of the question when the destination is a directory
     * @param sourceFs     the source's file system when it is local (an erase of the same one is refused), else null
     * @param sourceLabel  how the source is named in {@code %Error copying …}
     */
    static CompletableFuture<Optional<LocalUrl>> ask(Invocation inv, LocalUrl dest, String sourceName, boolean quiet,
                                                     boolean erase, IosFileSystem sourceFs, String sourceLabel) {
        FsPath directory;
        LocalUrl fallback;
        try {
            boolean isDirectory = dest.path().isRoot() || dest.fileSystem().exists(dest.path())
                    && dest.fileSystem().stat(dest.path()).directory();
            directory = isDirectory ? dest.path() : dest.path().parent();
            fallback = isDirectory && !sourceName.isEmpty()
                    ? FileArgument.sameUrl(dest, dest.path().child(sourceName)) : dest;
        } catch (FsException e) {
            FileArgument.report(inv, "opening", dest, e);
            return none();
        }
        CompletableFuture<String> answer = quiet ? CompletableFuture.completedFuture("")
                : inv.ask("Destination filename [" + fallback.path().name() + "]? ");
        return answer.thenCompose(typed -> {
            Optional<LocalUrl> target = FileArgument.answer(inv, typed, fallback, directory, "destination",
                    "opening");
            if (target.isEmpty()) {
                return none();
            }
            LocalUrl to = target.get();
            try {
                if (erase) {
                    if (sourceFs == to.fileSystem()) {
                        inv.println("%Error copying " + sourceLabel + " (" + FsError.DEVICE_BUSY.reason() + ")");
                        return none();
                    }
                    return confirmed(quiet ? CompletableFuture.completedFuture(true)
                            : inv.confirm("Erase " + to.fileSystem().spec().prefix() + " before copying? [confirm]"),
                            to);
                }
                if (to.fileSystem().exists(to.path())) {
                    if (to.fileSystem().stat(to.path()).directory()) {
                        throw new FsException(FsError.IS_A_DIRECTORY, to.path().display());
                    }
                    if (!quiet) {
                        inv.println("%Warning:There is a file already existing with this name");
                        return confirmed(inv.confirm("Do you want to over write? [confirm]"), to);
                    }
                }
                return CompletableFuture.completedFuture(Optional.of(to));
            } catch (FsException e) {
                FileArgument.report(inv, "opening", to, e);
                return none();
            }
        });
    }

    private static CompletableFuture<Optional<LocalUrl>> confirmed(CompletableFuture<Boolean> yes, LocalUrl to) {
        return yes.thenApply(ok -> ok ? Optional.of(to) : Optional.empty());
    }

    private static CompletableFuture<Optional<LocalUrl>> none() {
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
