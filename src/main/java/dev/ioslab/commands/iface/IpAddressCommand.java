package dev.ioslab.commands.iface;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code ip address A.B.C.D MASK} / {@code no ip address}: the interface's primary IPv4 address. */
public final class IpAddressCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_IF)
                .syntax("ip address A.B.C.D:address A.B.C.D:mask")
                .syntax("no ip address [A.B.C.D:address A.B.C.D:mask]")
                .help("ip", "Interface Internet Protocol config commands")
                .help("address", "IP address")
                .help("mask", "IP subnet mask")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        var iface = inv.context().device().config().interfaceFor((String) inv.context().modeTarget());
        if (inv.isNo()) {
            iface.setAddress(null, null);
            return;
        }
        String mask = inv.arg("mask");
        if (!isContiguous(mask)) {
            inv.println("Bad mask 0x" + Long.toHexString(toLong(mask)).toUpperCase() + " for address "
                    + inv.arg("address"));
            return;
        }
        iface.setAddress(inv.arg("address"), mask);
    }

    private static long toLong(String dotted) {
        long v = 0;
        for (String p : dotted.split("\\.")) {
            v = (v << 8) | Integer.parseInt(p);
        }
        return v;
    }

    /** A mask is ones then zeros; IOS refuses others with {@code Bad mask}. */
    private static boolean isContiguous(String mask) {
        long m = toLong(mask);
        long inverted = ~m & 0xffffffffL;
        return m != 0 && (inverted & (inverted + 1)) == 0;
    }
}
