package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandLineMask;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Device;
import dev.ioslab.device.DeviceEvent;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.HostFailureCause;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code write [memory]} and {@code write erase}: saves the running configuration to NVRAM atomically
 * ({@code Building configuration...} then {@code [OK]}), or erases it. The file I/O runs on the blocking-I/O
 * executor, never on the session's I/O thread.
 */
public final class WriteMemoryCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(WriteMemoryCommand.class);

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
            inv.println(outcome(inv, e));
            return null;
        });
    }

    /**
     * The line that ends a save: {@code [OK]}, or IOS's error with the real cause ({@code Not enough space on
     * device}, {@code Read-only file system}, {@code I/O error}); a failure is logged once at WARN with device, file,
     * user and cause. The previous startup-config is intact either way (atomic write).
     */
    static String outcome(Invocation inv, Throwable failure) {
        if (failure == null) {
            inv.context().device().events().publish(new DeviceEvent.ConfigChange(
                    CommandLineMask.mask(inv.line()), inv.context().info().user(), true));
            return "[OK]";
        }
        String reason = HostFailureCause.of(failure).reason();
        Throwable host = rootCause(failure);
        LOG.warn("{}: saving nvram:startup-config for {} from {} failed: {} ({})", inv.context().device().name(),
                inv.context().info().user(), inv.context().info().remote(), reason, host.toString());
        return "%Error: startup-config file open failed (" + reason + ")";
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 16; depth++) {
            t = t.getCause();
        }
        return t;
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
