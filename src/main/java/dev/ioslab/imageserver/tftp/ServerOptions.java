package dev.ioslab.imageserver.tftp;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the server grants of a request's options (RFC 2347), and the OACK that says so: {@code blksize} up to 65464
 * (RFC 2348), {@code timeout} 1..255 s and {@code tsize} (RFC 2349: the file's size for a read, the announced size
 * for a write), {@code windowsize} up to {@link #MAX_WINDOW} blocks and {@link #MAX_WINDOW_BYTES} bytes (RFC 7440).
 * Values out of range and unknown options are left out of the OACK, which RFC 2347 allows; an empty OACK means none
 * is sent.
 *
 * @param blockSize  bytes per DATA block
 * @param windowSize blocks per ACK
 * @param retransmit the retransmission interval
 * @param announced  a write request's {@code tsize}, if any
 * @param oack       the options to acknowledge, in the client's order
 */
record ServerOptions(int blockSize, int windowSize, Duration retransmit, OptionalLong announced,
                     Map<String, String> oack) {

    /** Largest window granted: beyond it a window only fills socket buffers. */
    static final int MAX_WINDOW = 64;
    /** Bytes one transfer may hold unacknowledged (a window of large blocks is smaller): bounds server memory. */
    static final int MAX_WINDOW_BYTES = 1 << 20;
    /** Retransmission interval when the client names none (tftpd-hpa's default). */
    static final Duration DEFAULT_RETRANSMIT = Duration.ofSeconds(1);

    /** Grants {@code requested}; {@code fileSize} is the size of the file read, or empty for a write. */
    static ServerOptions grant(Map<String, String> requested, OptionalLong fileSize) {
        int blockSize = 512;
        int windowSize = 1;
        Duration retransmit = DEFAULT_RETRANSMIT;
        OptionalLong announced = OptionalLong.empty();
        Map<String, String> oack = new LinkedHashMap<>();
        for (Map.Entry<String, String> option : requested.entrySet()) {
            long value = number(option.getValue());
            switch (option.getKey()) {
                case "blksize" -> {
                    if (value >= 8) {
                        blockSize = (int) Math.min(value, 65464);
                        oack.put("blksize", Integer.toString(blockSize));
                    }
                }
                case "windowsize" -> {
                    if (value >= 1) {
                        windowSize = (int) Math.min(value, MAX_WINDOW);
                        oack.put("windowsize", Integer.toString(windowSize));
                    }
                }
                case "timeout" -> {
                    if (value >= 1 && value <= 255) {
                        retransmit = Duration.ofSeconds(value);
                        oack.put("timeout", Long.toString(value));
                    }
                }
                case "tsize" -> {
                    if (fileSize.isPresent()) {
                        oack.put("tsize", Long.toString(fileSize.getAsLong()));
                    } else if (value >= 0) {
                        announced = OptionalLong.of(value);
                        oack.put("tsize", Long.toString(value));
                    }
                }
                default -> {
                    // RFC 2347: options the server does not know are left out of the OACK.
                }
            }
        }
        if (oack.containsKey("windowsize")) {
            windowSize = Math.min(windowSize, Math.max(1, MAX_WINDOW_BYTES / blockSize));
            oack.put("windowsize", Integer.toString(windowSize));
        }
        return new ServerOptions(blockSize, windowSize, retransmit, announced, Collections.unmodifiableMap(oack));
    }

    /** A plain non-negative decimal, or -1. */
    private static long number(String text) {
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
}
