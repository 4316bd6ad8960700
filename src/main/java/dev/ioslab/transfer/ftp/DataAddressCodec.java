package dev.ioslab.transfer.ftp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the data address out of {@code 229} and {@code 227} replies and writes the arguments of {@code EPRT} and
 * {@code PORT}. Pure functions; thread-safe.
 */
final class DataAddressCodec {

    /** RFC 2428 §3: {@code (|||port|)} with any printable delimiter in place of {@code |}. */
    private static final Pattern EPSV = Pattern.compile("\\(([\\x21-\\x7e])\\1\\1(\\d{1,5})\\1\\)");
    /**
     * RFC 959 §4.1.2 gives no format for the 227 text, so servers differ: the first run of six comma-separated
     * numbers is taken, with or without parentheses, with or without spaces.
     */
    private static final Pattern PASV = Pattern.compile(String.join("\\s*,\\s*", Collections.nCopies(6, "(\\d{1,3})")));
    private static final int BYTE_MAX = 255;
    private static final int PORT_MAX = 65535;

    private DataAddressCodec() {
    }

    /** The port of a {@code 229 Entering Extended Passive Mode (|||port|)} reply, if it is well formed. */
    static OptionalInt epsvPort(String text) {
        Matcher match = EPSV.matcher(text);
        if (!match.find()) {
            return OptionalInt.empty();
        }
        int port = Integer.parseInt(match.group(2));
        return port >= 1 && port <= PORT_MAX ? OptionalInt.of(port) : OptionalInt.empty();
    }

    /** The address of a {@code 227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)} reply, if it is well formed. */
    static Optional<InetSocketAddress> pasvAddress(String text) {
        Matcher match = PASV.matcher(text);
        if (!match.find()) {
            return Optional.empty();
        }
        byte[] address = new byte[4];
        int[] numbers = new int[6];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = Integer.parseInt(match.group(i + 1));
            if (numbers[i] > BYTE_MAX) {
                return Optional.empty();
            }
        }
        for (int i = 0; i < address.length; i++) {
            address[i] = (byte) numbers[i];
        }
        int port = numbers[4] * 256 + numbers[5];
        if (port < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByAddress(address), port));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("four bytes are always an IPv4 address", impossible);
        }
    }

    /** RFC 2428 §2: {@code |1|132.235.1.2|6275|} or {@code |2|1080::8:800:200C:417A|5282|}. */
    static String eprtArgument(InetSocketAddress listener) {
        InetAddress address = listener.getAddress();
        String host = address.getHostAddress();
        int scope = host.indexOf('%');
        if (scope >= 0) {
            host = host.substring(0, scope);
        }
        int family = address instanceof Inet4Address ? 1 : 2;
        return "|" + family + "|" + host + "|" + listener.getPort() + "|";
    }

    /** RFC 959 §4.1.2: {@code h1,h2,h3,h4,p1,p2}; only IPv4 has such a form. */
    static Optional<String> portArgument(InetSocketAddress listener) {
        if (!(listener.getAddress() instanceof Inet4Address)) {
            return Optional.empty();
        }
        byte[] bytes = listener.getAddress().getAddress();
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(b & 0xff).append(',');
        }
        return Optional.of(out.append(listener.getPort() >> 8).append(',').append(listener.getPort() & 0xff)
                .toString());
    }
}
