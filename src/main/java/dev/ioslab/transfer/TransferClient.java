package dev.ioslab.transfer;

import java.util.concurrent.CompletableFuture;

/**
 * A client for one URL scheme. Each call starts one transfer and returns at once; the future completes with the
 * result when the last byte is in the sink (download) or acknowledged by the server (upload).
 *
 * <p>Contract every implementation keeps:
 * <ul>
 *   <li>the future fails with a {@link TransferException} for every remote or network failure (never a raw Netty
 *       or JDK exception), and with the very exception the sink or source threw when the local side failed;</li>
 *   <li>whatever way it ends (success, failure, {@code future.cancel(true)} by the caller), every socket of the
 *       transfer is closed and no callback reaches the sink afterwards;</li>
 *   <li>no thread is held while bytes flow, and the sink is called on one thread at a time, in order;</li>
 *   <li>credentials never appear in logs, exception messages or {@code toString()}.</li>
 * </ul>
 */
public interface TransferClient {

    /** Fetches {@code request.url()} into {@code sink}. */
    CompletableFuture<TransferResult> download(TransferRequest request, TransferSink sink, TransferListener listener);

    /** Stores the bytes of {@code source} at {@code request.url()}. */
    CompletableFuture<TransferResult> upload(TransferRequest request, TransferSource source, TransferListener listener);
}
