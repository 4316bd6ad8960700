package dev.ioslab.frontend.ssh;

import dev.ioslab.transfer.TransferFault;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of an SCP upload on their way into flash, suffering the transfer faults planned for it: a byte flipped
 * at an offset, a bandwidth limit, and after some bytes an early close ({@code Connection closed by remote host})
 * or a stall that ends, as an idle transfer does, in {@code Timed out}. As {@link AtomicWriteStream} does, a
 * failure discards the rest of the announced bytes instead of throwing, and the sink reports {@link #failure()} as
 * an SCP error line once they are in; the write is aborted, so flash stays as it was.
 *
 * <p>Threading: used by one SCP command thread, which is the channel's own (never an SSH I/O thread), so pacing and
 * stalling wait on it; closing the channel interrupts the wait.
 */
final class ScpFaultStream extends FilterOutputStream {

    private final String destination;
    private final long cutAfter;
    private final boolean stall;
    private final long corruptAt;
    private final long bytesPerSecond;
    private final Duration idleTimeout;
    private final long started = System.nanoTime();
    private long written;
    private ScpFailure failure;

    ScpFaultStream(OutputStream flash, String destination, List<TransferFault> planned, Duration idleTimeout) {
        super(flash);
        this.destination = destination;
        this.idleTimeout = idleTimeout;
        long stallAt = Long.MAX_VALUE;
        long truncateAt = Long.MAX_VALUE;
        long corrupt = -1;
        long rate = 0;
        for (TransferFault fault : planned) {
            if (fault instanceof TransferFault.StallAfter s) {
                stallAt = s.bytes();
            } else if (fault instanceof TransferFault.TruncateAfter t) {
                truncateAt = t.bytes();
            } else if (fault instanceof TransferFault.CorruptByteAt c) {
                corrupt = c.offset();
            } else if (fault instanceof TransferFault.Bandwidth b) {
                rate = b.bytesPerSecond();
            }
        }
        this.stall = stallAt <= truncateAt && stallAt != Long.MAX_VALUE;
        this.cutAfter = Math.min(stallAt, truncateAt);
        this.corruptAt = corrupt;
        this.bytesPerSecond = rate;
    }

    /** Why the upload was cut, or {@code null} while it was not. */
    ScpFailure failure() {
        return failure;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void close() {
        // Deliberately nothing: the sink decides once the announced bytes are in (see AtomicWriteStream).
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (failure != null) {
            return;
        }
        int take = (int) Math.min(length, Math.max(0, cutAfter - written));
        byte[] part = Arrays.copyOfRange(bytes, offset, offset + take);
        if (corruptAt >= written && corruptAt < written + take) {
            int at = (int) (corruptAt - written);
            part[at] = (byte) ~part[at];
        }
        out.write(part, 0, take);
        written += take;
        pace();
        if (take < length) {
            if (stall) {
                pause(idleTimeout.toNanos());
            }
            failure = new ScpFailure("%Error copying " + destination + " ("
                    + (stall ? "Timed out" : "Connection closed by remote host") + ")");
        }
    }

    /** Waits until the bytes so far are no faster than the planned bandwidth. */
    private void pace() throws InterruptedIOException {
        if (bytesPerSecond > 0) {
            long due = started + written * 1_000_000_000L / bytesPerSecond;
            pause(due - System.nanoTime());
        }
    }

    static void pause(long nanos) throws InterruptedIOException {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("SCP channel closed");
        }
    }
}
