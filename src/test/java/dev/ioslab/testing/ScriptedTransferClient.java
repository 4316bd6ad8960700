package dev.ioslab.testing;

import dev.ioslab.transfer.TransferClient;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferRequest;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.TransferSink;
import dev.ioslab.transfer.TransferSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A hand-written transfer client for CLI transcript tests: a download delivers the scripted bytes (announcing their
 * size when told to), fails with the scripted error after a number of bytes, or stalls until cancelled; an upload
 * keeps what it read. Runs on the caller's thread; records every request. No network traffic at all.
 */
public final class ScriptedTransferClient implements TransferClient {

    private byte[] content = new byte[0];
    private boolean announceSize = true;
    private long announced = -1;
    private TransferException failure;
    private long failAfter;
    private boolean stall;
    private final List<TransferRequest> requests = new ArrayList<>();
    private final ByteArrayOutputStream uploaded = new ByteArrayOutputStream();
    private CompletableFuture<TransferResult> pending;

    /** The file the server has. */
    public ScriptedTransferClient serving(byte[] bytes, boolean announce) {
        this.content = bytes;
        this.announceSize = announce;
        return this;
    }

    /** Announces {@code size} instead of the real length (a server whose SIZE lies, or a file too big to fit). */
    public ScriptedTransferClient announcing(long size) {
        this.announced = size;
        this.announceSize = true;
        return this;
    }

    /** Fails with {@code error} once {@code afterBytes} have been delivered (0: before any data). */
    public ScriptedTransferClient failing(TransferException error, long afterBytes) {
        this.failure = error;
        this.failAfter = afterBytes;
        return this;
    }

    /** Delivers half the file, then waits until the caller cancels. */
    public ScriptedTransferClient stalling() {
        this.stall = true;
        return this;
    }

    public synchronized List<TransferRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized byte[] uploaded() {
        return uploaded.toByteArray();
    }

    /** The transfer waiting in a stall, to see that the copy cancelled it. */
    public synchronized CompletableFuture<TransferResult> pending() {
        return pending;
    }

    @Override
    public synchronized CompletableFuture<TransferResult> download(TransferRequest request, TransferSink sink,
                                                                   TransferListener listener) {
        requests.add(request);
        try {
            if (failure != null && failAfter == 0) {
                return CompletableFuture.failedFuture(failure);
            }
            if (announceSize) {
                sink.expectSize(announced >= 0 ? announced : content.length);
            }
            listener.started(request.server());
            long limit = stall ? content.length / 2 : failure != null ? failAfter : content.length;
            int sent = 0;
            while (sent < limit) {
                int n = (int) Math.min(1000, limit - sent);
                sink.write(ByteBuffer.wrap(content, sent, n));
                sent += n;
                listener.progress(sent);
            }
            if (stall) {
                pending = new CompletableFuture<>();
                return pending;
            }
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            return CompletableFuture.completedFuture(new TransferResult(sent, request.server()));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public synchronized CompletableFuture<TransferResult> upload(TransferRequest request, TransferSource source,
                                                                 TransferListener listener) {
        requests.add(request);
        if (failure != null && failAfter == 0) {
            return CompletableFuture.failedFuture(failure);
        }
        listener.started(request.server());
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        long total = 0;
        try {
            int n;
            while ((n = source.read(buffer.clear())) >= 0) {
                uploaded.write(buffer.array(), 0, n);
                total += n;
                listener.progress(total);
            }
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.completedFuture(new TransferResult(total, request.server()));
    }
}
