package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Device;
import dev.ioslab.fs.FsException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** {@code erase startup-config} / {@code erase nvram:}: deletes the saved configuration after confirmation. */
public final class EraseStartupConfigCommand implements Command {

    private final Executor fileIo;

    public EraseStartupConfigCommand(Executor fileIo) {
        this.fileIo = fileIo;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("erase (startup-config|nvram:)")
                .help("erase", "Erase a filesystem")
                .help("startup-config", "Erase contents of configuration memory")
                .help("nvram:", "Filesystem to be erased")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        return erase(inv);
    }

    CompletableFuture<Void> erase(Invocation inv) {
        Device d = inv.context().device();
        return inv.confirm("Erasing the nvram filesystem will remove all configuration files! Continue? [confirm]")
                .thenCompose(yes -> {
                    if (!yes) {
                        return CompletableFuture.completedFuture(null);
                    }
                    return CompletableFuture.runAsync(() -> {
                        try {
                            d.startupConfig().erase();
                        } catch (FsException e) {
                            throw new IllegalStateException(e.getMessage(), e);
                        }
                    }, fileIo).handle((v, e) -> {
                        if (e != null) {
                            inv.println("%Error erasing nvram: (I/O error)");
                        } else {
                            inv.println("[OK]");
                            inv.println("Erase of nvram: complete");
                        }
                        return null;
                    });
                });
    }
}
