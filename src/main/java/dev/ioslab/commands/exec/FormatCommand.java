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
 * {@code format usbflash0:} (reference §4.6, Cisco 1941): two confirmations, then the {@code Format:} lines with
 * the file system's real sector and byte totals and {@code Format of usbflash0: complete}. The confirmations are
 * asked whatever {@code file prompt} says, because formatting destroys everything. The erase runs on the file-I/O
 * executor.
 */
public final class FormatCommand implements Command {

    private static final int SECTOR = 512;

    private final Executor fileIo;

    public FormatCommand(Executor fileIo) {
        this.fileIo = fileIo;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("format URL:filesystem")
                .help("format", "Format a filesystem")
                .help("filesystem", "Filesystem to format")
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
        return inv.confirm("Format operation may take a while. Continue? [confirm]").thenCompose(first -> {
            if (!first) {
                return CompletableFuture.completedFuture(null);
            }
            inv.startLine();
            return inv.confirm("Format operation will destroy all data in \"" + prefix + "\".  Continue? [confirm]")
                    .thenCompose(second -> {
                        if (!second) {
                            return CompletableFuture.completedFuture(null);
                        }
                        inv.startLine();
                        return FileSystemWipe.run(inv, fs, fileIo, "formatting", () -> {
                            long bytes = fs.spec().capacity();
                            inv.println("Format: All system sectors written. OK...");
                            inv.println("");
                            inv.println("Format: Total sectors in formatted partition: " + bytes / SECTOR);
                            inv.println("Format: Total bytes in formatted partition: " + bytes);
                            inv.println("Format: Operation completed successfully.");
                            inv.println("");
                            inv.println("Format of " + prefix + " complete");
                        });
                    });
        });
    }
}
