package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.device.DeviceEvent;
import dev.ioslab.fs.AtomicWrite;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.fs.RemoteUrl;
import dev.ioslab.fs.UrlScheme;
import dev.ioslab.transfer.TransferClient;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.TransferService;
import dev.ioslab.transfer.TransferSink;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies to and from FTP and TFTP servers with the device's own clients (reference §5.1–5.4, §5.7). A download
 * prints {@code Accessing url...}, then {@code Loading path from 10.1.1.1 (via Gi0/0): !!!} (TFTP) or
 * {@code Loading path !!!} (FTP), {@code [OK - N bytes]} or {@code [OK - N/4096 bytes]}, a blank line and the
 * {@code bytes copied} line; an upload prints {@code Writing path !!!} (FTP) or only the marks (TFTP) and the
 * {@code bytes copied} line. Failures print IOS's {@code %Error opening|reading|writing url (reason)} with
 * credentials masked. Bytes flow from the client's event loop straight into flash (or out of it); no thread is held
 * while they flow, and Ctrl-C or a closed session cancels the transfer at once. A download is written atomically,
 * so flash holds the whole file or nothing new.
 */
final class RemoteCopy {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteCopy.class);
    /** IOS prints one {@code !} per ten packets. */
    private static final int PACKETS_PER_MARK = 10;
    /** FTP's nominal packet size, the {@code /4096} of {@code [OK - N/4096 bytes]}. */
    private static final int FTP_BLOCK = 4096;

    private final TransferService transfers;
    private final TransferPlanner planner;
    private final FlashWriter flash;

    RemoteCopy(TransferService transfers, TransferPlanner planner, FlashWriter flash) {
        this.transfers = transfers;
        this.planner = planner;
        this.flash = flash;
    }

    /** Whether this build has a client for {@code scheme}. */
    boolean supports(UrlScheme scheme) {
        return transfers.client(scheme).isPresent();
    }

    /** {@code copy ftp://h/p flash0:x}: the server's file into a new flash file. */
    CompletableFuture<Void> download(Invocation inv, RemoteUrl url, LocalUrl to, boolean erase, boolean verify) {
        inv.stream("Accessing " + url.display() + "...\n");
        long started = System.nanoTime();
        TransferTally tally = new TransferTally(url, DeviceEvent.Direction.DOWNLOAD);
        CompletableFuture<AtomicWrite> opened = flash.open(to, 0, erase);
        return receive(inv, url, opened.thenApply(FlashSink::new), tally)
                .handle((done, error) -> {
                    if (error != null) {
                        tally.publish(inv, 0, error);
                        opened.thenAccept(AtomicWrite::abort);
                        CopyReport.failure(inv, CopyReport.unwrap(error), url.maskedDisplay(), to,
                                url.maskedDisplay(), false);
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    FlashSink sink = (FlashSink) done.sink();
                    return flash.commit(sink.atomicWrite()).handle((entry, failed) -> {
                        tally.publish(inv, done.result().bytes(), failed);
                        if (failed != null) {
                            CopyReport.failure(inv, CopyReport.unwrap(failed), url.maskedDisplay(), to,
                                    url.maskedDisplay(), false);
                            return null;
                        }
                        printOk(inv, url, done.result().bytes(), started);
                        return verify;
                    }).thenCompose(check -> Boolean.TRUE.equals(check) ? flash.verify(inv, to)
                            : CompletableFuture.<Void>completedFuture(null));
                }).thenCompose(f -> f);
    }

    /** {@code copy ftp://h/p running-config}: the server's file merged into the running configuration. */
    CompletableFuture<Void> downloadIntoRunning(Invocation inv, RemoteUrl url) {
        inv.stream("Accessing " + url.display() + "...\n");
        long started = System.nanoTime();
        ConfigTextSink sink = new ConfigTextSink(url.maskedDisplay());
        TransferTally tally = new TransferTally(url, DeviceEvent.Direction.DOWNLOAD);
        // The merge (up to 4 MiB through the parser) runs off the client's event loop, as a local file's does.
        return receive(inv, url, CompletableFuture.completedFuture(sink), tally).handleAsync((done, error) -> {
            tally.publish(inv, sink.size(), error);
            if (error != null) {
                CopyReport.failure(inv, CopyReport.unwrap(error), url.maskedDisplay(), null, url.maskedDisplay(),
                        false);
                return null;
            }
            printOk(inv, url, sink.size(), started);
            ConfigMerge.apply(inv, sink.text());
            return null;
        }, flash.fileIo());
    }

    /** {@code copy flash0:x ftp://h/p}, {@code copy running-config tftp://h/p}: {@code source} to the server. */
    CompletableFuture<Void> upload(Invocation inv, LocalSource source, RemoteUrl url) {
        TransferClient client = transfers.client(url.scheme()).orElseThrow();
        long started = System.nanoTime();
        TransferTally tally = new TransferTally(url, DeviceEvent.Direction.UPLOAD);
        return abortablePlan(inv, url).thenCompose(plan -> {
            ProgressMarks marks = new ProgressMarks(inv, '!', markBytes(url, plan.request().settings().blockSize()),
                    true, ProgressMarks.REMOTE_FLUSH_MILLIS, server -> {
                        if (url.scheme() == UrlScheme.FTP) {
                            inv.stream("Writing " + url.path() + " ");
                        }
                    });
            CompletableFuture<TransferResult> transfer = client.upload(plan.request(), source, tally.counting(marks));
            inv.onAbort(() -> transfer.cancel(true));
            return transfer.whenComplete((result, error) -> {
                if (result != null) {
                    marks.finish(result.bytes());
                } else {
                    marks.stop();
                }
            });
        }).handle((result, error) -> {
            source.close();
            tally.publish(inv, result == null ? 0 : result.bytes(), error);
            inv.startLine();
            if (error != null) {
                LOG.debug("Upload to {} failed: {}", url, error.toString());
                CopyReport.failure(inv, CopyReport.unwrap(error), url.maskedDisplay(), null, url.maskedDisplay(),
                        true);
                return null;
            }
            inv.println(CopyReport.copiedLine(result.bytes(), started));
            return null;
        });
    }

    /** A finished download: the sink it filled and the client's result. */
    private record Received(TransferSink sink, TransferResult result) {
    }

    /** Plans the request, waits for the sink, and runs the download with IOS's {@code Loading} line and marks. */
    private CompletableFuture<Received> receive(Invocation inv, RemoteUrl url,
                                                CompletableFuture<? extends TransferSink> sinkReady,
                                                TransferTally tally) {
        TransferClient client = transfers.client(url.scheme()).orElseThrow();
        return abortablePlan(inv, url).thenCombine(sinkReady, (plan, sink) -> {
            ProgressMarks marks = new ProgressMarks(inv, '!', markBytes(url, plan.request().settings().blockSize()),
                    true, ProgressMarks.REMOTE_FLUSH_MILLIS, server -> inv.stream(loadingLine(url, server, plan.viaInterface())));
            CompletableFuture<TransferResult> transfer = client.download(plan.request(), sink, tally.counting(marks));
            inv.onAbort(() -> transfer.cancel(true));
            return transfer.handle((result, error) -> {
                if (error != null) {
                    marks.stop();
                    inv.startLine();
                    throw CopyReport.rethrow(error);
                }
                marks.finish(result.bytes());
                inv.startLine();
                return new Received(sink, result);
            });
        }).thenCompose(f -> f);
    }

    /**
     * The plan, which Ctrl-C cancels while the host name resolves (that may take as long as the resolver does); once
     * the transfer starts, its own abort action takes over.
     */
    private CompletableFuture<TransferPlanner.Plan> abortablePlan(Invocation inv, RemoteUrl url) {
        CompletableFuture<TransferPlanner.Plan> plan = planner.plan(inv, url);
        inv.onAbort(() -> plan.cancel(true));
        return plan;
    }

    private static String loadingLine(RemoteUrl url, InetSocketAddress server, String via) {
        return url.scheme() == UrlScheme.TFTP
                ? "Loading " + url.path() + " from " + server.getAddress().getHostAddress() + " (via " + via + "): "
                : "Loading " + url.path() + " ";
    }

    private static void printOk(Invocation inv, RemoteUrl url, long bytes, long started) {
        inv.println(url.scheme() == UrlScheme.FTP ? "[OK - " + bytes + "/" + FTP_BLOCK + " bytes]"
                : "[OK - " + bytes + " bytes]");
        inv.println("");
        inv.println(CopyReport.copiedLine(bytes, started));
    }

    private static long markBytes(RemoteUrl url, int tftpBlockSize) {
        return (long) PACKETS_PER_MARK * (url.scheme() == UrlScheme.TFTP ? tftpBlockSize : FTP_BLOCK);
    }
}
