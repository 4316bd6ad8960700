package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.VtyLines;

/**
 * {@code show line}: one row per terminal line in IOS's table layout, as an ISR G2 numbers them (0 CTY, 1 AUX, then
 * the vty lines from 2). An occupied line is marked {@code *}; Uses counts the connections a line has taken since
 * boot. The device has no console or auxiliary sessions, so those two rows are never busy.
 */
public final class ShowLineCommand implements SimpleCommand {

    static final String HEADER =
            "   Tty Typ     Tx/Rx    A Modem  Roty AccO AccI   Uses   Noise  Overruns   Int";
    private static final int FIRST_VTY_LINE = 2;

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show line")
                .help("line", "TTY line information")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        VtyLines lines = inv.context().device().lines();
        inv.println(HEADER);
        inv.println(row(false, 0, "CTY", "", 0));
        inv.println(row(false, 1, "AUX", "9600/9600", 0));
        for (int n = 0; n < lines.count(); n++) {
            inv.println(row(lines.find(n).isPresent(), FIRST_VTY_LINE + n, "VTY", "", lines.uses(n)));
        }
    }

    /** One row; column widths as IOS prints them (Genie's show line fixtures). */
    static String row(boolean busy, int tty, String type, String speed, int uses) {
        return String.format("%s%6d %s%12s  -    -      -    -    -%7d%8d%8s%8s", busy ? "*" : " ", tty, type, speed,
                uses, 0, "0/0", "-");
    }
}
