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

/**
 * {@code rmdir fs:dir}: {@code Remove directory filename [dir]?}, {@code Delete flash0:/dir? [confirm]}, then
 * {@code Removed dir flash0:/dir}; a folder that still holds files is refused with
 * {@code %Error removing dir flash0:/dir (Directory not empty)}. The wording follows IOS 15 from memory (not in
 * the reference). Removing an empty folder is metadata and runs inline.
 */
public final class RmdirCommand implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("rmdir URL:path")
                .help("rmdir", "Remove existing directory")
                .help("path", "Directory name")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        Optional<LocalUrl> typed = FileArgument.local(inv, "path", "removing dir");
        if (typed.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        LocalUrl url = typed.get();
        boolean quiet = inv.context().device().config().files().prompt() == FilePrompt.QUIET;
        CompletableFuture<String> answer = quiet
                ? CompletableFuture.completedFuture("")
                : inv.ask("Remove directory filename [" + url.path().relative() + "]? ");
        return answer.thenCompose(text -> {
            Optional<LocalUrl> dir = FileArgument.answer(inv, text, url, url.fileSystem().root(), "path",
                    "removing dir");
            if (dir.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Boolean> sure = quiet ? CompletableFuture.completedFuture(true)
                    : inv.confirm("Delete " + dir.get().display() + "? [confirm]");
            return sure.thenAccept(yes -> {
                if (!yes) {
                    return;
                }
                try {
                    dir.get().fileSystem().rmdir(dir.get().path());
                    inv.println("Removed dir " + dir.get().display());
                } catch (FsException e) {
                    FileArgument.report(inv, "removing dir", dir.get(), e);
                }
            });
        });
    }
}
