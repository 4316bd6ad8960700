package dev.ioslab.transfer.tftp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The RFC 2347 options a client puts in its request, and the check of the server's OACK against them. Absent values
 * are not sent: a block size of 512 (RFC 1350's own), a window of 1 (lock-step), no timeout, no tsize.
 *
 * @param blockSize      RFC 2348 {@code blksize}, 8..65464
 * @param windowSize     RFC 7440 {@code windowsize}, 1..65535
 * @param timeoutSeconds RFC 2349 {@code timeout}, 1..255
 * @param transferSize   RFC 2349 {@code tsize}: 0 in a read request (a question), the file's size in a write request
 */
public record TftpOptionRequest(int blockSize, int windowSize, OptionalInt timeoutSeconds, OptionalLong transferSize) {

    static final String BLKSIZE = "blksize";
    static final String WINDOWSIZE = "windowsize";
    static final String TIMEOUT = "timeout";
    static final String TSIZE = "tsize";

    /** What a transfer runs with when the server sends no OACK: RFC 1350 as written. */
    public static final TftpNegotiation.Granted PLAIN =
            new TftpNegotiation.Granted(512, 1, OptionalLong.empty());

    public TftpOptionRequest {
        if (blockSize < 8 || blockSize > TftpPacket.MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("blksize must be 8..65464 (RFC 2348): " + blockSize);
        }
        if (windowSize < 1 || windowSize > 65535) {
            throw new IllegalArgumentException("windowsize must be 1..65535 (RFC 7440): " + windowSize);
        }
        if (timeoutSeconds.isPresent() && (timeoutSeconds.getAsInt() < 1 || timeoutSeconds.getAsInt() > 255)) {
            throw new IllegalArgumentException("timeout must be 1..255 s (RFC 2349): " + timeoutSeconds.getAsInt());
        }
        if (transferSize.isPresent() && transferSize.getAsLong() < 0) {
            throw new IllegalArgumentException("tsize must not be negative: " + transferSize.getAsLong());
        }
    }

    /** The options as they go on the wire, in a stable order; empty when nothing is asked. */
    public Map<String, String> toWire() {
        Map<String, String> wire = new LinkedHashMap<>();
        if (blockSize != 512) {
            wire.put(BLKSIZE, Integer.toString(blockSize));
        }
        transferSize.ifPresent(size -> wire.put(TSIZE, Long.toString(size)));
        timeoutSeconds.ifPresent(seconds -> wire.put(TIMEOUT, Integer.toString(seconds)));
        if (windowSize != 1) {
            wire.put(WINDOWSIZE, Integer.toString(windowSize));
        }
        return wire;
    }

    /**
     * Checks a server's OACK (RFC 2347): every option must be one asked for, {@code blksize} and {@code windowsize}
     * no larger than asked, {@code timeout} exactly as asked (RFC 2349), and {@code tsize} a size (in a write
     * request, no larger than the one sent). Options asked for but not acknowledged fall back to RFC 1350.
     */
    public TftpNegotiation check(Map<String, String> acknowledged) {
        Map<String, String> asked = toWire();
        int grantedBlock = 512;
        int grantedWindow = 1;
        OptionalLong size = OptionalLong.empty();
        for (Map.Entry<String, String> option : acknowledged.entrySet()) {
            String name = option.getKey();
            if (!asked.containsKey(name)) {
                return refused("the server acknowledged option '" + name + "' that was never asked for");
            }
            long value = number(option.getValue());
            switch (name) {
                case BLKSIZE -> {
                    if (value < 8 || value > blockSize) {
                        return refused("blksize " + option.getValue() + " is not within 8.." + blockSize);
                    }
                    grantedBlock = (int) value;
                }
                case WINDOWSIZE -> {
                    if (value < 1 || value > windowSize) {
                        return refused("windowsize " + option.getValue() + " is not within 1.." + windowSize);
                    }
                    grantedWindow = (int) value;
                }
                case TIMEOUT -> {
                    if (value != timeoutSeconds.orElse(-1)) {
                        return refused("timeout " + option.getValue() + " differs from the " + asked.get(TIMEOUT)
                                + " asked for");
                    }
                }
                default -> {
                    long sent = transferSize.orElse(0);
                    if (value < 0 || (sent > 0 && value > sent)) {
                        return refused("tsize " + option.getValue() + " is not a size" + (sent > 0
                                ? " within 0.." + sent : ""));
                    }
                    size = OptionalLong.of(value);
                }
            }
        }
        return new TftpNegotiation.Granted(grantedBlock, grantedWindow, size);
    }

    /** The decimal value of an option, or -1 when it is not a plain non-negative number that fits. */
    static long number(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static TftpNegotiation refused(String reason) {
        return new TftpNegotiation.Refused(reason);
    }
}
