package dev.ioslab.imageserver.ftp;

import java.util.function.LongSupplier;

/**
 * Bytes moved by one transfer between disk and MINA FtpServer, and when they last moved: the transfer log reads the
 * total, {@link StalledTransferWatchdog} the time of the last progress.
 *
 * <p>Threading: one writer (the MINA worker running the transfer), any number of readers; fields are volatile.
 */
final class TransferMeter {

    /** Which way the bytes go, seen from the server. */
    enum Direction {
        DOWNLOAD("download"), UPLOAD("upload");

        private final String word;

        Direction(String word) {
            this.word = word;
        }

        String word() {
            return word;
        }
    }

    private final Direction direction;
    private final String path;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private volatile long bytes;
    private volatile long lastProgressNanos;

    TransferMeter(Direction direction, String path, LongSupplier nanoClock) {
        this.direction = direction;
        this.path = path;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastProgressNanos = startNanos;
    }

    /** Counts {@code count} more bytes; only the one worker that moves them calls it, so += cannot lose counts. */
    void add(long count) {
        bytes += count;
        lastProgressNanos = nanoClock.getAsLong();
    }

    Direction direction() {
        return direction;
    }

    /** The file as the client sees it ({@code /upload/x.bin}). */
    String path() {
        return path;
    }

    long bytes() {
        return bytes;
    }

    long lastProgressNanos() {
        return lastProgressNanos;
    }

    long elapsedMillis() {
        return (nanoClock.getAsLong() - startNanos) / 1_000_000;
    }
}
