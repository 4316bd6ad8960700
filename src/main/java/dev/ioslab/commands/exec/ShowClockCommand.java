package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * {@code show clock [detail]}: the device clock in UTC. The leading {@code *} is IOS's mark for a clock that is
 * not synchronised to an authoritative source, which is true here: the device takes the host's clock.
 */
public final class ShowClockCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show clock [detail]")
                .help("clock", "Display the system clock")
                .help("detail", "Display detailed information")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.println("*" + IosTime.clock(inv.context().device().clock().instant()));
        if (inv.has("detail")) {
            inv.println("No time source");
        }
    }
}
