package dev.ioslab.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One upload that suffers planned faults between the source and the real client: a byte flipped at an offset, and
 * after some bytes a server that closes early ({@code %Error writing <url> (Connection closed by remote host)}, TFTP
 * {@code Timed out}) or stops taking bytes ({@code Timed out} once the idle timeout has passed). At the cut the real
 * transfer is cancelled (its sockets closed) and the source reports its end, so no client ever spins on it.
 *
 * <p>Threading: the source wrapper is read by the client one call at a time; timers run on the scheduler.
 */
final class FaultedUpload {

    private final long cutAfter;
    private final boolean stall;
    private final long corruptAt;
    private final String protocol;
    private final ScheduledExecutorService scheduler;
    private final Duration idleTimeout;
    private final CompletableFuture<TransferResult> ending = new CompletableFuture<>();
    private volatile CompletableFuture<TransferResult> inner;
    private volatile boolean cut;
    private long sent;

    FaultedUpload(List<TransferFault> planned, String protocol, ScheduledExecutorService scheduler,
                  Duration idleTimeout) {
        long stallAt = FaultyTransferClient.first(planned, TransferFault.StallAfter.class)
                .map(TransferFault.StallAfter::bytes).orElse(Long.MAX_VALUE);
        long truncateAt = FaultyTransferClient.first(planned, TransferFault.TruncateAfter.class)
                .map(TransferFault.TruncateAfter::bytes).orElse(Long.MAX_VALUE);
        this.stall = stallAt != Long.MAX_VALUE && stallAt <= truncateAt;
        this.cutAfter = Math.min(stallAt, truncateAt);
        this.corruptAt = FaultyTransferClient.first(planned, TransferFault.CorruptByteAt.class)
                .map(TransferFault.CorruptByteAt::offset).orElse(-1L);
        this.protocol = protocol;
        this.scheduler = scheduler;
        this.idleTimeout = idleTimeout;
    }

    /** Starts the upload after {@code delay} and returns the future the copy waits on. */
    CompletableFuture<TransferResult> start(TransferClient client, Duration delay, TransferRequest request,
                                            TransferSource source, TransferListener listener) {
        CompletableFuture<TransferResult> outer = new CompletableFuture<>();
        FaultedDownload.later(scheduler, delay, outer, () -> {
            CompletableFuture<TransferResult> started = client.upload(request, new CuttingSource(source), listener);
            inner = started;
            if (cut) {
                started.cancel(true);
            }
            return started.handle((result, error) -> cut ? ending
                    : error != null ? CompletableFuture.<TransferResult>failedFuture(error)
                    : CompletableFuture.completedFuture(result)).thenCompose(f -> f);
        });
        outer.whenComplete((result, error) -> {
            CompletableFuture<TransferResult> running = inner;
            if (error instanceof CancellationException && running != null) {
                running.cancel(true);
            }
        });
        return outer;
    }

    private void cut() {
        cut = true;
        CompletableFuture<TransferResult> running = inner;
        if (running != null) {
            running.cancel(true);
        }
        TransferException failure = FaultyTransferClient.cut(stall, protocol, cutAfter);
        if (stall) {
            scheduler.schedule(() -> ending.completeExceptionally(failure), idleTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            ending.completeExceptionally(failure);
        }
    }

    /** Gives the client bytes up to the cut, with the planned byte flipped. */
    private final class CuttingSource implements TransferSource {

        private final TransferSource source;

        CuttingSource(TransferSource source) {
            this.source = source;
        }

        @Override
        public long size() {
            return source.size();
        }

        @Override
        public int read(ByteBuffer buffer) throws IOException {
            if (cut) {
                return -1;
            }
            if (sent >= cutAfter) {
                // A cut at the very end cuts nothing (as for a download): only a byte beyond it is refused.
                if (source.read(ByteBuffer.allocate(1)) >= 0) {
                    cut();
                }
                return -1;
            }
            int start = buffer.position();
            ByteBuffer window = buffer.slice();
            window.limit((int) Math.min(window.limit(), cutAfter - sent));
            int read = source.read(window);
            if (read <= 0) {
                return read;
            }
            buffer.position(start + read);
            if (corruptAt >= sent && corruptAt < sent + read) {
                int at = start + (int) (corruptAt - sent);
                buffer.put(at, (byte) ~buffer.get(at));
            }
            sent += read;
            return read;
        }
    }
}
