package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.Device;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code show running-config [full | interface X]}: {@code Building configuration...}, the byte count, then the
 * configuration rendered from the device's state (reference §5.10, §7).
 */
public final class ShowRunningConfigCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).pipeable()
                .syntax("show running-config [full]")
                .syntax("show running-config interface IFNAME:name")
                .help("running-config", "Current operating configuration")
                .help("full", "full configuration")
                .help("interface", "Show interface configuration")
                .help("name", "GigabitEthernet IEEE 802.3z")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Device d = inv.context().device();
        List<String> lines = d.renderRunningConfig();
        String name = inv.arg("name");
        if (name != null) {
            if (d.config().existingInterface(name).isEmpty()) {
                inv.rejectArgument("name");
                return;
            }
            List<String> section = new ArrayList<>();
            boolean in = false;
            for (String l : lines) {
                if (l.equals("interface " + name)) {
                    in = true;
                } else if (in && !l.startsWith(" ")) {
                    break;
                }
                if (in) {
                    section.add(l);
                }
            }
            lines = new ArrayList<>();
            lines.add("!");
            lines.addAll(section);
            lines.add("end");
        }
        inv.println("Building configuration...");
        inv.println("");
        int bytes = 0;
        for (String l : lines) {
            bytes += l.length() + 1;
        }
        inv.println("Current configuration : " + bytes + " bytes");
        if (name == null) {
            inv.println("!");
        }
        lines.forEach(inv::println);
        inv.println("");
    }
}
