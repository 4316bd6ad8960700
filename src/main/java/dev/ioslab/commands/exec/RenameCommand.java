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
 * {@code rename fs:a fs:b}: asks {@code Destination filename [b]?} (not with {@code file prompt quiet}) and renames
 * within one file system, keeping the file's index; an existing destination is refused
 * ({@code %Error renaming flash0:/a (File exists)}). A rename is metadata and runs inline.
 */
public final class RenameCommand implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("rename URL:source URL:destination")
                .help("rename", "Rename a file")
                .help("source", "Source file name")
                .help("destination", "Destination file name")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        Optional<LocalUrl> from = FileArgument.local(inv, "source", "renaming");
        if (from.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Optional<LocalUrl> to = FileArgument.local(inv, "destination", "renaming");
        if (to.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<String> answer = inv.context().device().config().files().prompt() == FilePrompt.QUIET
                ? CompletableFuture.completedFuture("")
                : inv.ask("Destination filename [" + to.get().path().relative() + "]? ");
        return answer.thenAccept(text -> FileArgument.answer(inv, text, to.get(), to.get().fileSystem().root(),
                "destination", "renaming").ifPresent(target -> {
                    try {
                        from.get().fileSystem().rename(from.get().path(), target.path(), false);
                    } catch (FsException e) {
                        FileArgument.report(inv, "renaming", from.get(), e);
                    }
                }));
    }
}
