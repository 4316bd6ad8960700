package dev.ioslab.device;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * One line of a standard IP access list: permit or deny the sources whose address matches {@code address} in every
 * bit the {@code wildcard} leaves 0 (IOS wildcard masks: 1 bits are "don't care"). {@code any} is 0.0.0.0
 * 255.255.255.255 and {@code host A} is A 0.0.0.0. The address is stored with the don't-care bits cleared, as IOS
 * stores it.
 */
public record AccessListEntry(boolean permit, int address, int wildcard) {

    /** A list entry, the address masked by the wildcard. */
    public static AccessListEntry of(boolean permit, int address, int wildcard) {
        return new AccessListEntry(permit, address & ~wildcard, wildcard);
    }

    /** True when {@code source} is an IPv4 address this entry covers. */
    public boolean matches(InetAddress source) {
        return source instanceof Inet4Address v4 && (toInt(v4) & ~wildcard) == address;
    }

    /** The entry as the running configuration shows it after {@code access-list N}: "permit 10.0.0.0 0.0.0.255". */
    String render() {
        // IOS pads "deny" to the width of "permit" in the running configuration.
        String action = permit ? "permit " : "deny   ";
        if (wildcard == -1) {
            return action + "any";
        }
        return action + dotted(address) + (wildcard == 0 ? "" : " " + dotted(wildcard));
    }

    /** The 32-bit value of a dotted-quad address already validated by the CLI. */
    public static int parse(String dotted) {
        String[] parts = dotted.split("\\.");
        int value = 0;
        for (String p : parts) {
            value = value << 8 | Integer.parseInt(p) & 0xff;
        }
        return value;
    }

    private static int toInt(Inet4Address a) {
        byte[] b = a.getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
    }

    private static String dotted(int v) {
        return (v >>> 24) + "." + (v >>> 16 & 0xff) + "." + (v >>> 8 & 0xff) + "." + (v & 0xff);
    }
}
