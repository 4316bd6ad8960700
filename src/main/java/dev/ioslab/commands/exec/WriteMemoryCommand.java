package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Device;
import dev.ioslab.fs.FsException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code write [memory]} and {@code write erase}: saves the running configuration to NVRAM atomically
 * ({@code Building configuration...} then {@code [OK]}), or erases it. The file I/O runs on the blocking-I/O
 * executor, never on the session's I/O thread.
 */
public final class WriteMemoryCommand implements Command {

    private final Executor fileIo;

    public WriteMemoryCommand(Executor fileIo) {
        this.fileIo = fileIo;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("write [memory]")
                .syntax("write erase")
                .help("write", "Write running configuration to memory, network, or terminal")
                .help("memory", "Write to NV memory")
                .help("erase", "Erase NV memory")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        Device d = inv.context().device();
        if (inv.has("erase")) {
            return new EraseStartupConfigCommand(fileIo).erase(inv);
        }
        inv.stream("Building configuration...\r\n");
        return save(d, fileIo).handle((v, e) -> {
            inv.println(e == null ? "[OK]" : "%Error: startup-config file open failed (I/O error)");
            return null;
        });
    }

    static CompletableFuture<Void> save(Device d, Executor fileIo) {
        return CompletableFuture.runAsync(() -> {
            try {
                d.saveStartupConfig();
            } catch (FsException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, fileIo);
    }
}
