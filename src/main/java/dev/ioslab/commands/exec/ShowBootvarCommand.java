package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.Device;

/**
 * {@code show bootvar} and {@code show boot} (the same on an ISR G2, reference §6.3): the BOOT variable built from
 * the {@code boot system} entries ({@code flash0:x.bin,1;} each), empty CONFIG_FILE and BOOTLDR, and the
 * configuration register with {@code (will be 0x... at next reload)} when {@code config-register} changed it.
 */
public final class ShowBootvarCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("show (bootvar|boot)")
                .help("bootvar", "Boot and related environment variable")
                .help("boot", "show boot attributes")
                .pipeable()
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Device d = inv.context().device();
        StringBuilder boot = new StringBuilder();
        for (String entry : d.config().bootSystem()) {
            boot.append(bootPath(entry)).append(",1;");
        }
        inv.println("BOOT variable = " + boot);
        inv.println("CONFIG_FILE variable = ");
        inv.println("BOOTLDR variable = ");
        int now = d.bootConfigRegister();
        int next = d.config().configRegister();
        inv.println("Configuration register is 0x" + Integer.toHexString(now)
                + (now == next ? "" : " (will be 0x" + Integer.toHexString(next) + " at next reload)"));
    }

    /** {@code boot system flash c1900.bin} (old syntax, kept verbatim in the config) means {@code flash:c1900.bin}. */
    static String bootPath(String entry) {
        int space = entry.indexOf(' ');
        if (space < 0) {
            return entry;
        }
        String device = entry.substring(0, space);
        String file = entry.substring(space + 1).strip();
        return (device.endsWith(":") ? device : device + ":") + file;
    }
}
