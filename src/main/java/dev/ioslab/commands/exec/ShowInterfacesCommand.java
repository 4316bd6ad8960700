package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.Device;
import dev.ioslab.device.InterfaceState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code show interfaces [X]}: status, hardware, address and counters per interface. The emulated interfaces
 * carry no traffic, so their counters are zero; the MAC address is derived from the device and port.
 */
public final class ShowInterfacesCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show interfaces [IFNAME:name]")
                .help("interfaces", "Interface status and configuration")
                .help("name", "GigabitEthernet IEEE 802.3z")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Device d = inv.context().device();
        // Physical ports first, then virtual interfaces, as IOS lists them (running-config puts Loopbacks first).
        List<InterfaceState> all = new ArrayList<>(d.config().interfaces());
        all.sort(Comparator.comparing(i -> !i.builtIn()));
        String name = inv.arg("name");
        if (name != null) {
            Optional<InterfaceState> one = d.config().existingInterface(name);
            if (one.isEmpty()) {
                inv.rejectArgument("name");
                return;
            }
            all = List.of(one.get());
        }
        for (InterfaceState i : all) {
            render(inv, d, i);
        }
    }

    private static void render(Invocation inv, Device d, InterfaceState i) {
        boolean loopback = i.name().startsWith("Loopback");
        String status = i.shutdown() ? "administratively down" : "up";
        inv.println(i.name() + " is " + status + ", line protocol is " + (i.shutdown() ? "down" : "up") + " ");
        if (loopback) {
            inv.println("  Hardware is Loopback");
        } else {
            String mac = mac(d.name(), i.name());
            inv.println("  Hardware is PQ3_TSEC, address is " + mac + " (bia " + mac + ")");
        }
        if (i.description() != null) {
            inv.println("  Description: " + i.description());
        }
        if (i.address() != null) {
            inv.println("  Internet address is " + i.address() + "/" + prefixLength(i.mask()));
        }
        if (loopback) {
            inv.println("  MTU 1514 bytes, BW 8000000 Kbit/sec, DLY 5000 usec, ");
            inv.println("     reliability 255/255, txload 1/255, rxload 1/255");
            inv.println("  Encapsulation LOOPBACK, loopback not set");
            inv.println("  Keepalive set (10 sec)");
        } else {
            inv.println("  MTU 1500 bytes, BW 1000000 Kbit/sec, DLY 10 usec, ");
            inv.println("     reliability 255/255, txload 1/255, rxload 1/255");
            inv.println("  Encapsulation ARPA, loopback not set");
            inv.println("  Keepalive set (10 sec)");
            inv.println(i.shutdown() ? "  Auto Duplex, Auto Speed, media type is RJ45"
                    : "  Full Duplex, 1Gbps, media type is RJ45");
            inv.println("  output flow-control is unsupported, input flow-control is unsupported");
            inv.println("  ARP type: ARPA, ARP Timeout 04:00:00");
        }
        inv.println("  Last input never, output never, output hang never");
        inv.println("  Last clearing of \"show interface\" counters never");
        inv.println("  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: 0");
        inv.println("  Queueing strategy: fifo");
        inv.println("  Output queue: 0/40 (size/max)");
        inv.println("  5 minute input rate 0 bits/sec, 0 packets/sec");
        inv.println("  5 minute output rate 0 bits/sec, 0 packets/sec");
        inv.println("     0 packets input, 0 bytes, 0 no buffer");
        inv.println("     Received 0 broadcasts (0 IP multicasts)");
        inv.println("     0 runts, 0 giants, 0 throttles");
        inv.println("     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort");
        inv.println("     0 packets output, 0 bytes, 0 underruns");
        inv.println("     0 output errors, 0 collisions, 0 interface resets");
        inv.println("     0 unknown protocol drops");
        if (!loopback) {
            inv.println("     0 babbles, 0 late collision, 0 deferred");
            inv.println("     0 lost carrier, 0 no carrier, 0 pause output");
        }
        inv.println("     0 output buffer failures, 0 output buffers swapped out");
    }

    /** A stable locally administered MAC per device and port: 02xx.xxxx.xxpp. */
    static String mac(String device, String port) {
        int h = device.hashCode();
        int p = port.hashCode() & 0xff;
        return String.format("02%02x.%04x.%02x%02x", (h >>> 24) & 0xff, (h >>> 8) & 0xffff, h & 0xff, p);
    }

    static int prefixLength(String mask) {
        int bits = 0;
        for (String part : mask.split("\\.")) {
            bits += Integer.bitCount(Integer.parseInt(part));
        }
        return bits;
    }
}
