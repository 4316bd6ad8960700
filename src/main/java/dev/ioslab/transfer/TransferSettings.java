package dev.ioslab.transfer;

import java.time.Duration;
import java.util.Objects;

/**
 * How a transfer behaves on the wire; the device's running configuration ({@code ip ftp passive}, {@code ip tftp
 * blocksize}) and the daemon's configuration fill it in.
 *
 * @param connectTimeout time allowed to open a TCP connection (FTP control and data)
 * @param replyTimeout   time allowed for each FTP reply, and for each TFTP reply before a retransmission
 * @param idleTimeout    time the data flow may stand still before the transfer fails with {@code Timed out}
 * @param retries        TFTP retransmissions of one packet before the transfer fails with {@code Timed out}
 * @param passive        FTP passive mode (EPSV, then PASV); false for active mode (EPRT, then PORT)
 * @param blockSize      TFTP block size asked for with the {@code blksize} option; 512 means the option is not sent
 * @param windowSize     TFTP window size asked for with the {@code windowsize} option (RFC 7440); 1 means lock-step
 *                       and the option is not sent
 */
public record TransferSettings(Duration connectTimeout, Duration replyTimeout, Duration idleTimeout, int retries,
                               boolean passive, int blockSize, int windowSize) {

    /** IOS TFTP's default block size, and the only one without options. */
    public static final int DEFAULT_BLOCK_SIZE = 512;

    public TransferSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        if (blockSize < 8 || blockSize > 65464) {
            throw new IllegalArgumentException("blockSize must be 8..65464 (RFC 2348): " + blockSize);
        }
        if (windowSize < 1 || windowSize > 65535) {
            throw new IllegalArgumentException("windowSize must be 1..65535 (RFC 7440): " + windowSize);
        }
    }

    /** IOS-like defaults: 30 s connect and reply, 60 s idle, 5 retries, passive, 512-byte blocks, lock-step. */
    public static TransferSettings defaults() {
        return new TransferSettings(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60), 5, true,
                DEFAULT_BLOCK_SIZE, 1);
    }

    public TransferSettings withPassive(boolean on) {
        return new TransferSettings(connectTimeout, replyTimeout, idleTimeout, retries, on, blockSize, windowSize);
    }

    public TransferSettings withBlockSize(int size) {
        return new TransferSettings(connectTimeout, replyTimeout, idleTimeout, retries, passive, size, windowSize);
    }

    public TransferSettings withWindowSize(int size) {
        return new TransferSettings(connectTimeout, replyTimeout, idleTimeout, retries, passive, blockSize, size);
    }

    public TransferSettings withTimeouts(Duration connect, Duration reply, Duration idle) {
        return new TransferSettings(connect, reply, idle, retries, passive, blockSize, windowSize);
    }
}
