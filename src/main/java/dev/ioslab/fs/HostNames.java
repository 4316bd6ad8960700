package dev.ioslab.fs;

import java.util.regex.Pattern;

/**
 * Syntax checks for the host part of a URL: dotted IPv4, IPv6 (without brackets here) or a DNS name
 * (RFC 1123 labels; underscores tolerated as lab DNS often has them). Purely syntactic: never resolves. Stateless.
 */
final class HostNames {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private HostNames() {
    }

    /** Whether {@code host} is a valid IPv4 address or host name (IPv6 literals need {@link #isIpv6}). */
    static boolean isIpv4OrName(String host) {
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
            // All digits and dots: only a dotted quad makes sense; "1.2.3" is not a host name.
            return isIpv4(host);
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} is a dotted-quad IPv4 address. */
    static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} is an IPv6 address in RFC 4291 text form (optionally ending in IPv4), no zone. */
    static boolean isIpv6(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return false;
        }
        int compression = text.indexOf("::");
        if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
            return false;
        }
        int groups = 0;
        String[] sides = compression >= 0
                ? new String[] {text.substring(0, compression), text.substring(compression + 2)}
                : new String[] {text};
        for (int side = 0; side < sides.length; side++) {
            if (sides[side].isEmpty()) {
                continue;
            }
            String[] parts = sides[side].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean last = side == sides.length - 1 && i == parts.length - 1;
                if (last && parts[i].contains(".")) {
                    if (!isIpv4(parts[i])) {
                        return false;
                    }
                    groups += 2;
                } else if (HEX_GROUP.matcher(parts[i]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return compression >= 0 ? groups <= 7 : groups == 8;
    }
}
