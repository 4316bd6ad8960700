package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code ip host NAME A.B.C.D [A.B.C.D ...]}: static host table entries (up to eight addresses). */
public final class IpHostCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("ip host WORD:name A.B.C.D:a1 [A.B.C.D:a2 [A.B.C.D:a3 [A.B.C.D:a4 [A.B.C.D:a5 "
                        + "[A.B.C.D:a6 [A.B.C.D:a7 [A.B.C.D:a8]]]]]]]")
                .syntax("no ip host WORD:name [A.B.C.D:a1]")
                .help("host", "Add an entry to the ip hostname table")
                .help("name", "Name of host")
                .help("a1", "Host IP address")
                .help("a2", "Host IP address")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        String name = inv.arg("name");
        if (inv.isNo()) {
            inv.context().device().config().removeHost(name);
            return;
        }
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String a = inv.arg("a" + i);
            if (a != null) {
                addresses.add(a);
            }
        }
        inv.context().device().config().putHost(name, addresses);
    }
}
