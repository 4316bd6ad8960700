package dev.ioslab.transfer.tftp;

import java.util.OptionalLong;

/** The outcome of checking an OACK against the request ({@link TftpOptionRequest#check}). */
public sealed interface TftpNegotiation {

    /**
     * What the transfer runs with.
     *
     * @param blockSize    bytes per DATA block
     * @param windowSize   DATA blocks per ACK (RFC 7440), 1 for lock-step
     * @param transferSize the size the server announced with {@code tsize}, if it did
     */
    record Granted(int blockSize, int windowSize, OptionalLong transferSize) implements TftpNegotiation {
    }

    /** The OACK breaks RFC 2347; the client answers ERROR 8 and gives up. */
    record Refused(String reason) implements TftpNegotiation {
    }
}
