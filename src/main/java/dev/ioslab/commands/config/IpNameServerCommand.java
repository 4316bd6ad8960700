package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code [no] ip name-server A.B.C.D [A.B.C.D ...]}: DNS servers (kept in order, up to six). */
public final class IpNameServerCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("ip name-server A.B.C.D:a1 [A.B.C.D:a2 [A.B.C.D:a3 [A.B.C.D:a4 [A.B.C.D:a5 [A.B.C.D:a6]]]]]")
                .syntax("no ip name-server [A.B.C.D:a1 [A.B.C.D:a2 [A.B.C.D:a3 [A.B.C.D:a4 [A.B.C.D:a5 "
                        + "[A.B.C.D:a6]]]]]]")
                .help("name-server", "Specify address of name server to use")
                .help("a1", "Domain server IP address (maximum of 6)")
                .help("a2", "Domain server IP address (maximum of 6)")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        var config = inv.context().device().config();
        if (inv.isNo() && inv.arg("a1") == null) {
            config.removeNameServer(null);
            return;
        }
        for (int i = 1; i <= 6; i++) {
            String a = inv.arg("a" + i);
            if (a == null) {
                continue;
            }
            if (inv.isNo()) {
                config.removeNameServer(a);
            } else {
                config.addNameServer(a);
            }
        }
    }
}
