package dev.ioslab.transfer;

import dev.ioslab.fs.RemoteUrl;
import dev.ioslab.transfer.TransferFaults.TransferAttempt;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A {@link TransferClient} that asks {@link TransferFaults} at the start of every transfer which faults to suffer
 * and applies them around the real client: a planned failure, a delayed start, and for downloads a stall, an early
 * close, a flipped byte or a bandwidth limit ({@link FaultedDownload}); for uploads all but the bandwidth limit
 * ({@link FaultedUpload}: the clients pull from their source, so there is nothing to pace without a busy loop).
 * Without faults the real client's future is handed back untouched.
 *
 * <p>Threading: thread-safe; timers run on {@code scheduler} (never a sleep on an event loop), and the contract of
 * {@link TransferClient} holds for the futures it returns.
 */
public final class FaultyTransferClient implements TransferClient {

    private final TransferClient client;
    private final String protocol;
    private final TransferFaults faults;
    private final ScheduledExecutorService scheduler;

    /**
     * @param client    the real client
     * @param protocol  {@code ftp} or {@code tftp}, as fault plans match it
     * @param faults    the seam asked once per transfer
     * @param scheduler runs delays, paced deliveries and idle timeouts
     */
    public FaultyTransferClient(TransferClient client, String protocol, TransferFaults faults,
                                ScheduledExecutorService scheduler) {
        this.client = client;
        this.protocol = protocol;
        this.faults = faults;
        this.scheduler = scheduler;
    }

    @Override
    public CompletableFuture<TransferResult> download(TransferRequest request, TransferSink sink,
                                                      TransferListener listener) {
        List<TransferFault> planned = faults.faultsFor(attempt(request, false));
        if (planned.isEmpty()) {
            return client.download(request, sink, listener);
        }
        return new FaultedDownload(planned, protocol, scheduler, request.settings().idleTimeout())
                .start(() -> client, request, sink, listener);
    }

    @Override
    public CompletableFuture<TransferResult> upload(TransferRequest request, TransferSource source,
                                                    TransferListener listener) {
        List<TransferFault> planned = faults.faultsFor(attempt(request, true));
        Optional<TransferFault.Fail> fail = first(planned, TransferFault.Fail.class);
        if (fail.isPresent()) {
            return CompletableFuture.failedFuture(injected(fail.get().error()));
        }
        if (planned.isEmpty()) {
            return client.upload(request, source, listener);
        }
        Duration delay = first(planned, TransferFault.Latency.class).map(TransferFault.Latency::delay)
                .orElse(Duration.ZERO);
        return new FaultedUpload(planned, protocol, scheduler, request.settings().idleTimeout())
                .start(client, delay, request, source, listener);
    }

    static TransferException injected(TransferError error) {
        return new TransferException(error, false, "injected by a fault plan");
    }

    /**
     * How a transfer cut by a fault plan after {@code cutAfter} bytes fails: a stall, or any cut of a TFTP transfer
     * (whose client only sees packets stop), times out; a cut FTP data connection is closed.
     */
    static TransferException cut(boolean stall, String protocol, long cutAfter) {
        TransferError error = stall || protocol.equals("tftp") ? TransferError.TIMED_OUT
                : TransferError.CONNECTION_CLOSED;
        return new TransferException(error, true, (stall ? "stalled" : "closed") + " by a fault plan after "
                + cutAfter + " bytes");
    }

    static <T extends TransferFault> Optional<T> first(List<TransferFault> planned, Class<T> type) {
        return planned.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private TransferAttempt attempt(TransferRequest request, boolean upload) {
        RemoteUrl url = request.url();
        String plain = new RemoteUrl(url.scheme(), Optional.empty(), Optional.empty(), url.host(), url.port(),
                url.vrf(), url.path()).display();
        return new TransferAttempt(request.device(), plain, protocol, upload);
    }
}
