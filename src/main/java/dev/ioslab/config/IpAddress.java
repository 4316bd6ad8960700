package dev.ioslab.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An IPv4 or IPv6 address literal as a number, so addresses can be compared, counted up by templates and printed in
 * one canonical form. Parsed by hand because {@code InetAddress.getByName} falls back to a DNS lookup for anything
 * it does not recognise, and a configuration must never depend on the resolver.
 *
 * @param value the address as an unsigned number
 * @param ipv6  whether it is a 128-bit address
 */
record IpAddress(BigInteger value, boolean ipv6) {

    private static final BigInteger IPV4_LIMIT = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger IPV6_LIMIT = BigInteger.ONE.shiftLeft(128);

    /**
     * Parses a literal such as {@code 127.0.0.1} or {@code ::1}.
     *
     * @throws IllegalArgumentException with a reason a person can act on
     */
    static IpAddress parse(String text) {
        if (text.indexOf(':') >= 0) {
            return new IpAddress(parseIpv6(text), true);
        }
        if (!text.matches("[0-9.]+")) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address; write a literal IPv4 or IPv6 "
                    + "address such as 127.0.0.1 (host names are not resolved)");
        }
        return new IpAddress(parseIpv4(text), false);
    }

    /** Whether this is {@code 0.0.0.0} or {@code ::}, which binds every address and so clashes with all of them. */
    boolean isWildcard() {
        return value.signum() == 0;
    }

    /** Whether this is a loopback address: {@code 127.0.0.0/8} or {@code ::1}. */
    boolean isLoopback() {
        return ipv6 ? value.equals(BigInteger.ONE) : value.shiftRight(24).intValue() == 127;
    }

    /**
     * The address {@code offset} further on, or {@code null} when that passes the end of the address space.
     */
    IpAddress plus(long offset) {
        BigInteger next = value.add(BigInteger.valueOf(offset));
        return next.compareTo(ipv6 ? IPV6_LIMIT : IPV4_LIMIT) < 0 ? new IpAddress(next, ipv6) : null;
    }

    /** Dotted quad, or RFC 5952 text for IPv6 (lower case, longest run of zero groups as {@code ::}). */
    @Override
    public String toString() {
        if (!ipv6) {
            long bits = value.longValue();
            return (bits >>> 24 & 0xff) + "." + (bits >>> 16 & 0xff) + "." + (bits >>> 8 & 0xff) + "." + (bits & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 4.2.2: a single zero group is not shortened
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static BigInteger parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address; it needs four numbers "
                    + "0..255 separated by dots, such as 127.0.0.1");
        }
        long bits = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || part.length() > 1 && part.charAt(0) == '0'
                    || Integer.parseInt(part) > 255) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address; each of the four "
                        + "numbers must be 0..255 without leading zeros");
            }
            bits = bits << 8 | Integer.parseInt(part);
        }
        return BigInteger.valueOf(bits);
    }

    private static BigInteger parseIpv6(String text) {
        String invalid = "'" + text + "' is not an IPv6 address; write eight groups of up to four hex digits "
                + "separated by colons, with at most one '::', such as ::1 (zone ids like %eth0 are not allowed)";
        int compression = text.indexOf("::");
        if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
            throw new IllegalArgumentException(invalid);
        }
        List<Integer> head = parseGroups(compression >= 0 ? text.substring(0, compression) : text, invalid);
        List<Integer> tail = compression >= 0 ? parseGroups(text.substring(compression + 2), invalid) : List.of();
        int groups = head.size() + tail.size();
        if (compression < 0 ? groups != 8 : groups > 7) {
            throw new IllegalArgumentException(invalid);
        }
        // The head fills the high groups, the tail the low ones; '::' stands for the zero groups between.
        return join(head).shiftLeft(16 * (8 - head.size())).or(join(tail));
    }

    private static BigInteger join(List<Integer> groups) {
        BigInteger bits = BigInteger.ZERO;
        for (int group : groups) {
            bits = bits.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        return bits;
    }

    /** Colon-separated groups; the last may be a dotted IPv4 address (RFC 4291 2.2), which counts as two. */
    private static List<Integer> parseGroups(String text, String invalid) {
        List<Integer> groups = new ArrayList<>();
        if (text.isEmpty()) {
            return groups;
        }
        String[] parts = text.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && part.indexOf('.') >= 0) {
                long ipv4 = parseIpv4(part).longValue();
                groups.add((int) (ipv4 >>> 16));
                groups.add((int) (ipv4 & 0xffff));
            } else if (part.matches("[0-9A-Fa-f]{1,4}")) {
                groups.add(Integer.parseInt(part, 16));
            } else {
                throw new IllegalArgumentException(invalid);
            }
        }
        return groups;
    }
}
