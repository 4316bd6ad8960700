package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.InterfaceState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code show ip interface brief}: one line per interface with address, method and status. */
public final class ShowIpInterfaceBriefCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show ip interface brief")
                .help("ip", "IP information")
                .help("interface", "IP interface status and configuration")
                .help("brief", "Brief summary of IP status and configuration")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.println("Interface                  IP-Address      OK? Method Status                Protocol");
        // Physical ports first, then virtual interfaces, as IOS lists them (running-config puts Loopbacks first).
        List<InterfaceState> ordered = new ArrayList<>(inv.context().device().config().interfaces());
        ordered.sort(Comparator.comparing(i -> !i.builtIn()));
        for (InterfaceState i : ordered) {
            String address = i.address() == null ? "unassigned" : i.address();
            String method = i.address() == null ? "unset" : "manual";
            String status = i.shutdown() ? "administratively down" : "up";
            String protocol = i.shutdown() ? "down" : "up";
            inv.println(String.format("%-26s %-15s %-3s %-6s %-21s %s", i.name(), address, "YES", method, status,
                    protocol));
        }
    }
}
