package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.ActiveLine;
import dev.ioslab.device.Device;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code show users}: every occupied vty line of the device, the caller's marked {@code *}. Lines are numbered
 * as on an ISR G2, where vty 0 is absolute line 2 (after con 0 and aux 0).
 */
public final class ShowUsersCommand implements SimpleCommand {

    private static final int FIRST_VTY_LINE = 2;

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show users")
                .help("users", "Display information about terminal lines")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Device d = inv.context().device();
        Instant now = d.clock().instant();
        inv.println("    Line       User       Host(s)              Idle       Location");
        for (ActiveLine l : d.activeLines()) {
            String marker = l.vty() == inv.context().vty() ? "*" : " ";
            String user = l.user().isEmpty() ? "" : l.user();
            inv.println(String.format("%s%4d %-9s %-10s %-20s %-8s %s", marker, FIRST_VTY_LINE + l.vty(),
                    "vty " + l.vty(), user, "idle", IosTime.hms(Duration.between(l.lastInput(), now)),
                    l.location()).stripTrailing());
        }
        inv.println("");
        inv.println("  Interface    User               Mode         Idle     Peer Address");
        inv.println("");
    }
}
