package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.IosFileSystem;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code erase flash0:} and the other storage file systems ({@code erase nvram:} and {@code erase startup-config}
 * stay with {@link EraseStartupConfigCommand}): one confirmation worded like IOS's NVRAM erase, then {@code [OK]}
 * and {@code Erase of flash0: complete}. The exact IOS 15 text for disk file systems is not in the reference; this
 * follows the NVRAM transcript. The erase runs on the file-I/O executor.
 */
public final class EraseFileSystemCommand implements Command {

    private final Executor fileIo;

    public EraseFileSystemCommand(Executor fileIo) {
        this.fileIo = fileIo;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("erase URL:filesystem")
                .help("erase", "Erase a filesystem")
                .help("filesystem", "Filesystem to be erased")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        Optional<IosFileSystem> found = FileSystemArgument.parse(inv, "filesystem");
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        IosFileSystem fs = found.get();
        String prefix = fs.spec().prefix();
        return inv.confirm("Erasing the " + fs.name() + " filesystem will remove all files! Continue? [confirm]")
                .thenCompose(yes -> {
                    if (!yes) {
                        return CompletableFuture.completedFuture(null);
                    }
                    return FileSystemWipe.run(inv, fs, fileIo, "erasing", () -> {
                        inv.println("[OK]");
                        inv.println("Erase of " + prefix + " complete");
                    });
                });
    }
}
