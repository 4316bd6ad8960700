package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.commands.line.LineRange;
import dev.ioslab.device.RunningConfig;

/** {@code line vty FIRST [LAST]} and {@code line console 0}: enters line configuration mode for the range. */
public final class LineCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("line vty <0-15>:first [<1-15>:last]")
                .syntax("line console <0-0>:first")
                .syntax("line aux <0-0>:first")
                .help("line", "Configure a terminal line")
                .help("vty", "Virtual terminal")
                .help("console", "Primary terminal line")
                .help("aux", "Auxiliary line")
                .help("first", "First Line number")
                .help("last", "Last Line number")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        int first = (int) inv.number("first", 0);
        int last = (int) inv.number("last", first);
        if (last < first || last >= RunningConfig.MAX_VTY) {
            inv.rejectArgument("last");
            return;
        }
        LineRange range = new LineRange(!inv.has("vty"), first, last);
        if (inv.has("aux")) {
            // The auxiliary port has no settings we model; IOS still enters line mode for it.
            range = new LineRange(true, 0, 0);
        }
        range.states(inv.context().device().config());
        inv.context().enterMode(CliMode.CONFIG_LINE, range);
    }
}
