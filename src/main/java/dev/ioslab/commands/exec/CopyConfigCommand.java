package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.DeviceShell;
import dev.ioslab.device.Device;
import dev.ioslab.device.FilePrompt;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code copy running-config startup-config} (with IOS's {@code Destination filename [startup-config]?}) and
 * {@code copy startup-config running-config} (merges NVRAM into the running configuration through the parser).
 */
public final class CopyConfigCommand implements Command {

    private final Executor fileIo;

    public CopyConfigCommand(Executor fileIo) {
        this.fileIo = fileIo;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("copy running-config startup-config")
                .syntax("copy startup-config running-config")
                .help("copy", "Copy from one file to another")
                .help("running-config", "Copy from current system configuration")
                .help("startup-config", "Copy from startup configuration")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        Device d = inv.context().device();
        boolean save = inv.keywords().indexOf("running-config") == 1;
        String dest = save ? "startup-config" : "running-config";
        CompletableFuture<String> answer = d.config().filePrompt() == FilePrompt.QUIET
                ? CompletableFuture.completedFuture("")
                : inv.ask("Destination filename [" + dest + "]? ");
        return answer.thenCompose(typed -> {
            String name = typed.strip().isEmpty() ? dest : typed.strip();
            if (!name.equals(dest)) {
                inv.println("%Error opening nvram:" + name + " (Permission denied)");
                return CompletableFuture.completedFuture(null);
            }
            if (save) {
                inv.stream("Building configuration...\r\n");
                return WriteMemoryCommand.save(d, fileIo).handle((v, e) -> {
                    inv.println(e == null ? "[OK]" : "%Error: startup-config file open failed (I/O error)");
                    return null;
                });
            }
            Optional<String> text = d.startupConfig().read();
            if (text.isEmpty()) {
                inv.println("%Error opening nvram:startup-config (No such file or directory)");
                return CompletableFuture.completedFuture(null);
            }
            long started = System.nanoTime();
            String problems = new DeviceShell(d, inv.context().catalog()).replayConfig(text.get());
            if (!problems.isEmpty()) {
                problems.lines().forEach(inv::println);
            }
            double secs = (System.nanoTime() - started) / 1e9;
            int n = text.get().length();
            inv.println("");
            inv.println(String.format("%d bytes copied in %.3f secs (%d bytes/sec)", n, secs,
                    (long) (n / Math.max(secs, 0.001))));
            return CompletableFuture.completedFuture(null);
        });
    }
}
