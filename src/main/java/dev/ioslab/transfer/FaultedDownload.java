package dev.ioslab.transfer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One download that suffers planned faults between the real client and the sink. A stall or an early close lets the
 * first bytes through, then cancels the real transfer (closing its sockets) and fails as the real failure would: a
 * stall with {@code Timed out} once the idle timeout has passed, an early close with {@code Connection closed by
 * remote host} (FTP, whose client counts the bytes against {@code SIZE}) or {@code Timed out} (TFTP, whose client
 * waits in vain for the next block). A flipped byte is flipped in a copy of the buffer. A bandwidth limit queues the
 * bytes and hands them to the sink on the scheduler, at most {@code bytesPerSecond}, reporting progress as they
 * arrive there; at most {@link #MAX_QUEUED} bytes wait, beyond that the copy fails with an I/O error.
 *
 * <p>Threading: the sink wrapper is called by the client one call at a time; with a bandwidth limit only the
 * scheduler writes to the sink, one tick at a time. The outer future may be cancelled from any thread.
 */
final class FaultedDownload {

    /** Bytes a bandwidth limit may hold back before the copy fails; bounds memory whatever the server sends. */
    static final long MAX_QUEUED = 64L * 1024 * 1024;
    private static final long TICK_MILLIS = 100;

    private final Optional<TransferFault.Fail> fail;
    private final Optional<TransferFault.Latency> latency;
    private final long cutAfter;
    private final boolean stall;
    private final long corruptAt;
    private final long bytesPerSecond;
    private final String protocol;
    private final ScheduledExecutorService scheduler;
    private final Duration idleTimeout;
    private final CompletableFuture<TransferResult> outer = new CompletableFuture<>();
    /** Completed by a cut or by the pacer once it has handed over everything. */
    private final CompletableFuture<TransferResult> ending = new CompletableFuture<>();
    private volatile CompletableFuture<TransferResult> inner;
    private volatile long received;
    private volatile boolean cut;
    private Pacer pacer;

    FaultedDownload(List<TransferFault> planned, String protocol, ScheduledExecutorService scheduler,
                    Duration idleTimeout) {
        this.fail = FaultyTransferClient.first(planned, TransferFault.Fail.class);
        this.latency = FaultyTransferClient.first(planned, TransferFault.Latency.class);
        Optional<TransferFault.StallAfter> stallAfter = FaultyTransferClient.first(planned,
                TransferFault.StallAfter.class);
        Optional<TransferFault.TruncateAfter> truncate = FaultyTransferClient.first(planned,
                TransferFault.TruncateAfter.class);
        this.stall = stallAfter.isPresent();
        this.cutAfter = stallAfter.map(TransferFault.StallAfter::bytes)
                .or(() -> truncate.map(TransferFault.TruncateAfter::bytes)).orElse(Long.MAX_VALUE);
        this.corruptAt = FaultyTransferClient.first(planned, TransferFault.CorruptByteAt.class)
                .map(TransferFault.CorruptByteAt::offset).orElse(-1L);
        this.bytesPerSecond = FaultyTransferClient.first(planned, TransferFault.Bandwidth.class)
                .map(TransferFault.Bandwidth::bytesPerSecond).orElse(0L);
        this.protocol = protocol;
        this.scheduler = scheduler;
        this.idleTimeout = idleTimeout;
    }

    /** Starts the download (after the planned latency) and returns the future the copy waits on. */
    CompletableFuture<TransferResult> start(Supplier<TransferClient> client, TransferRequest request,
                                            TransferSink sink, TransferListener listener) {
        if (fail.isPresent()) {
            return CompletableFuture.failedFuture(FaultyTransferClient.injected(fail.get().error()));
        }
        if (bytesPerSecond > 0) {
            pacer = new Pacer(sink, listener);
        }
        Supplier<CompletableFuture<TransferResult>> begin = () -> {
            CompletableFuture<TransferResult> started = client.get().download(request, new CuttingSink(sink),
                    new Listener(listener));
            inner = started;
            if (cut) {
                // The client delivered past the cut before handing back its future.
                started.cancel(true);
            }
            return started.handle(this::innerDone).thenCompose(f -> f);
        };
        later(scheduler, latency.map(TransferFault.Latency::delay).orElse(Duration.ZERO), outer, begin);
        outer.whenComplete((result, error) -> {
            if (error instanceof CancellationException) {
                CompletableFuture<TransferResult> running = inner;
                if (running != null) {
                    running.cancel(true);
                }
            }
        });
        return outer;
    }

    /**
     * Runs {@code start} after {@code delay} on {@code scheduler} (at once for zero) and completes {@code outer} as
     * its future completes; a cancelled {@code outer} cancels what {@code start} began, or keeps it from beginning.
     */
    static void later(ScheduledExecutorService scheduler, Duration delay, CompletableFuture<TransferResult> outer,
                      Supplier<CompletableFuture<TransferResult>> start) {
        Runnable begin = () -> {
            if (outer.isDone()) {
                return;
            }
            CompletableFuture<TransferResult> running = start.get();
            outer.whenComplete((result, error) -> {
                if (error instanceof CancellationException) {
                    running.cancel(true);
                }
            });
            running.whenComplete((result, error) -> {
                if (error != null) {
                    outer.completeExceptionally(unwrap(error));
                } else {
                    outer.complete(result);
                }
            });
        };
        if (delay.isZero()) {
            begin.run();
        } else {
            scheduler.schedule(begin, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** What the copy sees once the real transfer has ended (or was cut by this fault). */
    private CompletableFuture<TransferResult> innerDone(TransferResult result, Throwable error) {
        if (cut) {
            return ending;
        }
        if (error != null) {
            if (pacer != null) {
                pacer.stop();
            }
            return CompletableFuture.failedFuture(unwrap(error));
        }
        TransferResult delivered = new TransferResult(received, result.server());
        if (pacer != null) {
            pacer.endWith(delivered);
            return ending;
        }
        return CompletableFuture.completedFuture(delivered);
    }

    private void cut() {
        cut = true;
        // Not from inside the client's own callback: the client closes its sockets on its loop.
        scheduler.execute(() -> {
            CompletableFuture<TransferResult> running = inner;
            if (running != null) {
                running.cancel(true);
            }
        });
        TransferException failure = FaultyTransferClient.cut(stall, protocol, cutAfter);
        Runnable fail = () -> {
            if (pacer != null) {
                pacer.endWith(failure);
            } else {
                ending.completeExceptionally(failure);
            }
        };
        if (stall) {
            scheduler.schedule(fail, idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            fail.run();
        }
    }

    private void deliver(TransferSink sink, ByteBuffer part) throws IOException {
        if (pacer != null) {
            pacer.enqueue(part);
        } else {
            sink.write(part);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Lets bytes through up to the cut, flipping the planned byte. */
    private final class CuttingSink implements TransferSink {

        private final TransferSink sink;

        CuttingSink(TransferSink sink) {
            this.sink = sink;
        }

        @Override
        public void expectSize(long bytes) throws IOException {
            sink.expectSize(bytes);
        }

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            if (cut) {
                bytes.position(bytes.limit());
                return;
            }
            int offered = bytes.remaining();
            int take = (int) Math.min(offered, Math.max(0, cutAfter - received));
            boolean flip = corruptAt >= received && corruptAt < received + take;
            if (take == offered && !flip && pacer == null) {
                received += take;
                sink.write(bytes);
            } else {
                ByteBuffer part = ByteBuffer.allocate(take);
                ByteBuffer source = bytes.duplicate();
                source.limit(source.position() + take);
                part.put(source).flip();
                if (flip) {
                    int at = (int) (corruptAt - received);
                    part.put(at, (byte) ~part.get(at));
                }
                bytes.position(bytes.limit());
                received += take;
                deliver(sink, part);
            }
            if (take < offered) {
                cut();
            }
        }
    }

    /** Passes the start through; progress as far as the sink has been given bytes (the pacer reports its own). */
    private final class Listener implements TransferListener {

        private final TransferListener listener;

        Listener(TransferListener listener) {
            this.listener = listener;
        }

        @Override
        public void started(InetSocketAddress server) {
            listener.started(server);
        }

        @Override
        public void progress(long totalBytes) {
            if (pacer == null) {
                listener.progress(Math.min(totalBytes, received));
            }
        }
    }

    /** Hands queued bytes to the sink at the planned rate, one tick at a time on the scheduler. */
    private final class Pacer {

        private final TransferSink sink;
        private final TransferListener listener;
        private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
        private long queued;
        private long delivered;
        private double credit;
        private boolean ticking;
        private boolean stopped;
        private Object end;

        Pacer(TransferSink sink, TransferListener listener) {
            this.sink = sink;
            this.listener = listener;
        }

        void enqueue(ByteBuffer part) throws IOException {
            synchronized (this) {
                if (stopped) {
                    return;
                }
                if (queued + part.remaining() > MAX_QUEUED) {
                    throw new IOException("more than " + MAX_QUEUED + " bytes held back by a bandwidth fault");
                }
                queue.add(part);
                queued += part.remaining();
            }
            arm();
        }

        /** The transfer is over: {@code outcome} (a result or a failure) completes the copy once the queue drains. */
        void endWith(Object outcome) {
            synchronized (this) {
                end = outcome;
            }
            arm();
        }

        synchronized void stop() {
            stopped = true;
            queue.clear();
        }

        private synchronized void arm() {
            if (!ticking && !stopped) {
                ticking = true;
                scheduler.schedule(this::tick, TICK_MILLIS, TimeUnit.MILLISECONDS);
            }
        }

        private void tick() {
            if (outer.isDone()) {
                stop();
                return;
            }
            credit += bytesPerSecond * TICK_MILLIS / 1000.0;
            try {
                while (credit >= 1) {
                    ByteBuffer next;
                    synchronized (this) {
                        ByteBuffer head = queue.peek();
                        if (head == null) {
                            break;
                        }
                        int n = (int) Math.min(head.remaining(), (long) credit);
                        next = head.slice();
                        next.limit(n);
                        head.position(head.position() + n);
                        if (!head.hasRemaining()) {
                            queue.poll();
                        }
                        queued -= n;
                    }
                    credit -= next.remaining();
                    delivered += next.remaining();
                    sink.write(next);
                    listener.progress(delivered);
                }
            } catch (IOException | RuntimeException e) {
                stop();
                CompletableFuture<TransferResult> running = inner;
                if (running != null) {
                    running.cancel(true);
                }
                ending.completeExceptionally(e);
                return;
            }
            Object finished;
            synchronized (this) {
                if (!queue.isEmpty() || end == null) {
                    credit = Math.min(credit, bytesPerSecond);
                    boolean more = !queue.isEmpty();
                    ticking = more;
                    if (more) {
                        scheduler.schedule(this::tick, TICK_MILLIS, TimeUnit.MILLISECONDS);
                    }
                    return;
                }
                finished = end;
                stopped = true;
            }
            if (finished instanceof TransferResult result) {
                ending.complete(new TransferResult(delivered, result.server()));
            } else {
                ending.completeExceptionally((Throwable) finished);
            }
        }
    }
}
