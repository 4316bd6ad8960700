package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * {@code show processes cpu}: the utilisation line Ansible's hardware facts read
 * ({@code | include CPU utilization}), measured from the process that hosts the device: every device of the rack
 * shares the host's CPU, so they all report the same figure.
 */
public final class ShowProcessesCpuCommand implements SimpleCommand {

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show processes cpu")
                .help("processes", "Active process statistics")
                .help("cpu", "Show CPU use per process")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        int percent = percent();
        inv.println("CPU utilization for five seconds: " + percent + "%/0%; one minute: " + percent
                + "%; five minutes: " + percent + "%");
        inv.println(" PID Runtime(ms)     Invoked      uSecs   5Sec   1Min   5Min TTY Process ");
        long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        inv.println(String.format("%4d %11d %11d %10d %5.2f%% %5.2f%% %5.2f%% %3d %-16s", 1, uptimeMs / 1000, 1, 0,
                0.0, 0.0, 0.0, 0, "Chunk Manager"));
        inv.println(String.format("%4d %11d %11d %10d %5.2f%% %5.2f%% %5.2f%% %3d %-16s", 2 + inv.context().vty(),
                0, 1, 0, (double) percent, (double) percent, (double) percent, 2 + inv.context().vty(),
                "Virtual Exec"));
    }

    private int percent() {
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            double load = sun.getProcessCpuLoad();
            return load < 0 ? 0 : (int) Math.round(load * 100);
        }
        return 0;
    }
}
