package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.transfer.TransferListener;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * IOS's progress marks as a copy runs: one {@code !} per ten packets of a transfer, one {@code C} per chunk of a local
 * copy. Marks are owed per {@code bytesPerMark} bytes; a remote transfer writes them at most every
 * {@value #REMOTE_FLUSH_MILLIS} ms, so a fast transfer does not turn into thousands of tiny terminal writes, a local
 * copy (one chunk a mark) at once. {@link #finish} writes what is still owed.
 *
 * <p>Threading: called from a transfer's event loop or the file-I/O executor; synchronised.
 */
final class ProgressMarks implements TransferListener {

    /** How often a remote transfer's marks reach the terminal. */
    static final long REMOTE_FLUSH_MILLIS = 20;

    private final Invocation inv;
    private final char mark;
    private final long bytesPerMark;
    private final boolean atLeastOne;
    private final long flushNanos;
    private final Consumer<InetSocketAddress> onStart;
    private long printed;
    private long lastFlush;
    private long moved;

    /**
     * @param atLeastOne  whether an empty or tiny transfer still shows one mark (IOS does for remote transfers)
     * @param flushMillis the least time between two writes of marks
     * @param onStart     prints the line the marks follow ({@code Loading x from …: }) when data starts
     */
    ProgressMarks(Invocation inv, char mark, long bytesPerMark, boolean atLeastOne, long flushMillis,
                  Consumer<InetSocketAddress> onStart) {
        this.inv = inv;
        this.mark = mark;
        this.bytesPerMark = bytesPerMark;
        this.atLeastOne = atLeastOne;
        this.flushNanos = flushMillis * 1_000_000;
        this.onStart = onStart;
    }

    @Override
    public synchronized void started(InetSocketAddress server) {
        onStart.accept(server);
    }

    @Override
    public synchronized void progress(long totalBytes) {
        moved = totalBytes;
        long now = System.nanoTime();
        long due = totalBytes / bytesPerMark;
        if (due > printed && now - lastFlush >= flushNanos) {
            lastFlush = now;
            emit(due);
        }
    }

    /** Writes the marks still owed for {@code totalBytes} (rounded up). */
    synchronized void finish(long totalBytes) {
        long due = (totalBytes + bytesPerMark - 1) / bytesPerMark;
        emit(atLeastOne ? Math.max(due, 1) : due);
    }

    /** Writes the marks owed for what had moved when a transfer failed part-way, without rounding up. */
    synchronized void stop() {
        emit(moved / bytesPerMark);
    }

    private void emit(long due) {
        if (due > printed) {
            inv.stream(String.valueOf(mark).repeat((int) Math.min(due - printed, Integer.MAX_VALUE)));
            printed = due;
        }
    }
}
