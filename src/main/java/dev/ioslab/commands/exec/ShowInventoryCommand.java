package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.Platform;

/** {@code show inventory}: chassis, processor board and power supply, with serials derived from the chassis'. */
public final class ShowInventoryCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show inventory")
                .help("inventory", "Show the physical inventory")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Platform p = inv.context().device().platform();
        entry(inv, p.model(), p.model() + " chassis, Hw Serial#: " + p.serial() + ", Hw Revision: 1.1",
                p.model(), "V05", p.serial());
        entry(inv, p.family() + " AC Power Supply 1", p.family() + " AC Power Supply 1", "PWR-3900-AC", "V03",
                derived(p.serial(), "QCS"));
        entry(inv, p.model() + " SPE 150 on Slot 0", "Cisco Services Performance Engine 150 for Cisco 3900 ISR",
                p.cpuBoard(), "V05", derived(p.serial(), "FOC"));
    }

    private static void entry(Invocation inv, String name, String descr, String pid, String vid, String sn) {
        inv.println("NAME: \"" + name + "\", DESCR: \"" + descr + "\"");
        inv.println(String.format("PID: %-17s , VID: %s , SN: %s", pid, vid, sn));
        inv.println("");
    }

    /** Sub-assembly serials keep the chassis serial's digits under their own manufacturer prefix. */
    private static String derived(String serial, String prefix) {
        return prefix + serial.substring(Math.min(3, serial.length()));
    }
}
