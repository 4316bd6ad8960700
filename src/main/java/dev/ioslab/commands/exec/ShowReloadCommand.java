package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Device;
import java.util.concurrent.CompletableFuture;

/**
 * {@code show reload} (reference §6.2): {@code Reload scheduled for 03:00:00 UTC Sun May 10 2020 (in 411 hours and
 * 33 minutes) by admin on vty0 (10.0.0.1)} and the reason, or {@code No reload is scheduled.}
 */
public final class ShowReloadCommand implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1)
                .syntax("show reload")
                .help("reload", "Scheduled reload information")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        Device device = inv.context().device();
        device.reloadSchedule().pending().ifPresentOrElse(p -> {
            inv.println("Reload scheduled for " + IosTime.stamp(p.at()) + " (in "
                    + ReloadTime.left(device.clock().instant(), p.at()) + ") by " + p.requestedBy());
            inv.println("Reload reason: " + p.reason());
        }, () -> inv.println("No reload is scheduled."));
        return CompletableFuture.completedFuture(null);
    }
}
