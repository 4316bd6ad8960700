package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.device.FilePrompt;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.LocalUrl;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code delete [/force] [/recursive] fs:file} (reference §4.5): {@code Delete filename [x]?} then
 * {@code Delete flash0:/x? [confirm]}; {@code /force} skips the confirmation, {@code file prompt quiet} both
 * questions. A missing file gives {@code %Error deleting flash0:/x (No such file or directory)}. One file is
 * deleted inline; a {@code /recursive} tree is deleted on the file-I/O executor.
 */
public final class DeleteCommand implements Command {

    private final Executor fileIo;

    public DeleteCommand(Executor fileIo) {
        this.fileIo = fileIo;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("delete [/force|/recursive] [/force|/recursive] URL:path")
                .help("delete", "Delete a file")
                .help("/force", "Force delete")
                .help("/recursive", "Delete files recursively")
                .help("path", "File to be deleted")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        Optional<LocalUrl> typed = FileArgument.local(inv, "path", "deleting");
        if (typed.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        LocalUrl url = typed.get();
        boolean quiet = inv.context().device().config().files().prompt() == FilePrompt.QUIET;
        boolean recursive = inv.has("/recursive");
        CompletableFuture<String> answer = quiet
                ? CompletableFuture.completedFuture("")
                : inv.ask("Delete filename [" + url.path().relative() + "]? ");
        return answer.thenCompose(text -> {
            Optional<LocalUrl> file = FileArgument.answer(inv, text, url, url.fileSystem().root(), "path", "deleting");
            if (file.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Boolean> sure = quiet || inv.has("/force") ? CompletableFuture.completedFuture(true)
                    : inv.confirm("Delete " + file.get().display() + "? [confirm]");
            return sure.thenCompose(yes -> {
                if (!yes) {
                    return CompletableFuture.completedFuture(null);
                }
                if (recursive) {
                    return CompletableFuture.runAsync(() -> delete(inv, file.get(), true), fileIo);
                }
                delete(inv, file.get(), false);
                return CompletableFuture.completedFuture(null);
            });
        });
    }

    private static void delete(Invocation inv, LocalUrl file, boolean recursive) {
        try {
            if (recursive) {
                file.fileSystem().deleteRecursive(file.path());
            } else {
                file.fileSystem().delete(file.path());
            }
        } catch (FsException e) {
            FileArgument.report(inv, "deleting", file, e);
        }
    }
}
