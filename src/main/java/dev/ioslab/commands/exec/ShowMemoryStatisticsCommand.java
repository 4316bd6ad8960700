package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.Device;
import dev.ioslab.device.Platform;

/**
 * {@code show memory statistics}: the processor and I/O pools sized from the platform's memory. Use grows with
 * the device's open sessions (each vty holds buffers on a real router); Ansible's hardware facts read the
 * {@code Processor} line.
 */
public final class ShowMemoryStatisticsCommand implements SimpleCommand {

    /** What the running image itself occupies in the processor pool, as measured on a 15.x ISR G2. */
    private static final long IMAGE_FOOTPRINT = 98_934_456L;
    private static final long PER_SESSION = 65_536L;

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show memory statistics")
                .help("memory", "Memory statistics")
                .help("statistics", "Memory statistics")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Device d = inv.context().device();
        Platform p = d.platform();
        long total = p.mainMemoryKb() * 1024 - 153_395_200L;
        long used = IMAGE_FOOTPRINT + PER_SESSION * d.activeLines().size();
        long free = total - used;
        long ioTotal = p.ioMemoryKb() * 1024 - 4_194_304L;
        long ioUsed = 14_519_584L;
        inv.println("                Head    Total(b)     Used(b)     Free(b)   Lowest(b)  Largest(b)");
        inv.println(String.format("Processor   2A4A6FE0 %11d %11d %11d %11d %11d", total, used, free,
                free - 1_161_624L, free - 1_069_612L));
        inv.println(String.format("      I/O    DC00000 %11d %11d %11d %11d %11d", ioTotal, ioUsed,
                ioTotal - ioUsed, ioTotal - ioUsed - 79_840L, ioTotal - ioUsed - 12_772L));
    }
}
