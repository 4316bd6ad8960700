package dev.ioslab.imageserver.ftp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file being downloaded: buffered in large blocks (MINA FtpServer then uses it as is instead of wrapping it in an
 * 8 KiB buffer of its own) and counted into a {@link TransferMeter}. Threading: one MINA worker.
 */
final class MeteredInputStream extends BufferedInputStream {

    /** Big enough that a 512 MiB image costs few reads from disk; small enough for many concurrent transfers. */
    static final int BUFFER = 64 * 1024;

    private final TransferMeter meter;

    MeteredInputStream(InputStream file, TransferMeter meter) {
        super(file, BUFFER);
        this.meter = meter;
    }

    @Override
    public synchronized int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            meter.add(1);
        }
        return b;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        if (count > 0) {
            meter.add(count);
        }
        return count;
    }
}
