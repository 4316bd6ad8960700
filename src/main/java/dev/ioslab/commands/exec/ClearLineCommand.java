package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.device.ActiveLine;
import dev.ioslab.device.Device;
import java.util.concurrent.CompletableFuture;

/**
 * {@code clear line vty N}: after {@code [confirm]}, drops whatever connection holds vty N (a session or a
 * connection still at its login) and frees the line. IOS answers {@code [OK]} whether or not the line was in use.
 */
public final class ClearLineCommand implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("clear line vty <0-15>:number")
                .help("clear", "Reset functions")
                .help("line", "Reset a terminal line")
                .help("vty", "Virtual terminal")
                .help("number", "Line number")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        Device d = inv.context().device();
        int vty = (int) inv.number("number", 0);
        if (vty >= d.lines().count()) {
            inv.println("% Invalid line number");
            return CompletableFuture.completedFuture(null);
        }
        return inv.confirm("[confirm]").thenAccept(yes -> {
            if (!yes) {
                return;
            }
            inv.println(" [OK]");
            d.lines().find(vty).ifPresent(ClearLineCommand::drop);
        });
    }

    private static void drop(ActiveLine line) {
        line.terminal().hangUp();
    }
}
