package dev.ioslab.commands.exec;

import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferSink;
import dev.ioslab.transfer.TransferSource;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

/**
 * Moves a local source into a sink, one chunk per task on the file-I/O executor, each task queueing the next, so a
 * long copy holds no thread between chunks and notices an abort within one chunk. Completes with the number of bytes
 * moved, or with the source's or sink's exception ({@link CancellationException} when aborted).
 */
final class ChunkPump {

    /** Bytes per chunk. */
    static final int CHUNK = 1 << 20;

    private final TransferSource source;
    private final TransferSink sink;
    private final TransferListener listener;
    private final Executor executor;
    private final BooleanSupplier cancelled;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private long moved;

    private ChunkPump(TransferSource source, TransferSink sink, TransferListener listener, Executor executor,
                      BooleanSupplier cancelled) {
        this.source = source;
        this.sink = sink;
        this.listener = listener;
        this.executor = executor;
        this.cancelled = cancelled;
    }

    static CompletableFuture<Long> run(TransferSource source, TransferSink sink, TransferListener listener,
                                       Executor executor, BooleanSupplier cancelled) {
        ChunkPump pump = new ChunkPump(source, sink, listener, executor, cancelled);
        pump.next();
        return pump.done;
    }

    private void next() {
        try {
            executor.execute(this::chunk);
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(e);
        }
    }

    private void chunk() {
        try {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("copy aborted");
            }
            buffer.clear();
            int n = source.read(buffer);
            if (n < 0) {
                done.complete(moved);
                return;
            }
            buffer.flip();
            sink.write(buffer);
            moved += n;
            listener.progress(moved);
        } catch (Exception e) {
            done.completeExceptionally(e);
            return;
        }
        next();
    }
}
