package dev.ioslab.transfer.ftp;

import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.TransferSink;
import dev.ioslab.transfer.TransferSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * The future of one transfer, and the gate every call into the caller's sink or source passes. Completing it in any
 * way (including the caller's {@code cancel}) first shuts the gate, waiting for a sink or source call in progress to
 * return: once {@code cancel} or {@code complete} returns, the sink and source are never called again. Thread-safe;
 * the gate is taken only for one sink or source call at a time, by the transfer's event loop.
 */
final class TransferFuture extends CompletableFuture<TransferResult> {

    /** What {@link #read} returns when the gate is shut. */
    static final int SHUT = -2;

    private final Object gate = new Object();
    private boolean shut;

    /** Sends the size to the sink; false when the transfer is over and the sink was not called. */
    boolean expectSize(TransferSink sink, long bytes) throws IOException {
        synchronized (gate) {
            if (shut) {
                return false;
            }
            sink.expectSize(bytes);
            return true;
        }
    }

    /** Writes to the sink; false when the transfer is over and the sink was not called. */
    boolean write(TransferSink sink, ByteBuffer bytes) throws IOException {
        synchronized (gate) {
            if (shut) {
                return false;
            }
            sink.write(bytes);
            return true;
        }
    }

    /** Reads from the source; {@link #SHUT} when the transfer is over and the source was not called. */
    int read(TransferSource source, ByteBuffer buffer) throws IOException {
        synchronized (gate) {
            return shut ? SHUT : source.read(buffer);
        }
    }

    /** Whether the gate is still open, i.e. the transfer has not ended. */
    boolean isOpen() {
        synchronized (gate) {
            return !shut;
        }
    }

    @Override
    public boolean complete(TransferResult value) {
        shut();
        return super.complete(value);
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        shut();
        return super.completeExceptionally(failure);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        shut();
        return super.cancel(mayInterruptIfRunning);
    }

    private void shut() {
        synchronized (gate) {
            shut = true;
        }
    }
}
