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
 * {@code mkdir fs:dir}: asks {@code Create directory filename [dir]?} (not with {@code file prompt quiet}), then
 * prints {@code Created dir flash0:/dir}. Creating a folder is metadata and runs inline.
 */
public final class MkdirCommand implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("mkdir URL:path")
                .help("mkdir", "Create new directory")
                .help("path", "Directory name")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        Optional<LocalUrl> typed = FileArgument.local(inv, "path", "creating directory");
        if (typed.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        LocalUrl url = typed.get();
        CompletableFuture<String> answer = inv.context().device().config().files().prompt() == FilePrompt.QUIET
                ? CompletableFuture.completedFuture("")
                : inv.ask("Create directory filename [" + url.path().relative() + "]? ");
        return answer.thenAccept(text -> FileArgument.answer(inv, text, url, url.fileSystem().root(), "path",
                "creating directory").ifPresent(dir -> {
                    try {
                        dir.fileSystem().mkdir(dir.path());
                        inv.println("Created dir " + dir.display());
                    } catch (FsException e) {
                        FileArgument.report(inv, "creating directory", dir, e);
                    }
                }));
    }
}
