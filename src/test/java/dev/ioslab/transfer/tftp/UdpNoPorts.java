package dev.ioslab.transfer.tftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The kernel's count of UDP datagrams that reached a port nobody listens on ({@code NoPorts} in {@code /proc/net/snmp},
 * the datagrams Linux answers with ICMP port unreachable). Lets a test wait until a datagram has met a closed port
 * instead of guessing how long that takes. The count is the network namespace's, so other traffic may raise it too.
 */
final class UdpNoPorts {

    private static final Path SNMP = Path.of("/proc/net/snmp");

    private UdpNoPorts() {
    }

    /** Whether the count can be read on this machine. */
    static boolean readable() {
        try {
            count();
            return true;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** The current count. */
    static long count() throws IOException {
        List<String> udp = Files.readAllLines(SNMP).stream().filter(line -> line.startsWith("Udp: ")).toList();
        if (udp.size() < 2) {
            throw new IOException(SNMP + " has no Udp counters");
        }
        List<String> names = Arrays.asList(udp.get(0).split(" "));
        int column = names.indexOf("NoPorts");
        if (column < 0) {
            throw new IOException(SNMP + " has no NoPorts counter");
        }
        return Long.parseLong(udp.get(1).split(" ")[column]);
    }

    /** Waits until the count is above {@code before}; fails after {@code limit}. */
    static void awaitAbove(long before, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count() <= before) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no datagram reached a closed UDP port within " + limit);
            }
            Thread.sleep(5);
        }
    }
}
