package dev.ioslab.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.fs.RemoteUrl;
import dev.ioslab.fs.UrlScheme;
import dev.ioslab.testing.ScriptedTransferClient;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultyTransferClientTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final byte[] file = new byte[20_000];
    private final List<TransferFaults.TransferAttempt> asked = new ArrayList<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<Long> progress = new ArrayList<>();

    {
        new Random(5).nextBytes(file);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private final TransferSink sink = new TransferSink() {
        @Override
        public void expectSize(long bytes) {
        }

        @Override
        public void write(ByteBuffer bytes) {
            byte[] chunk = new byte[bytes.remaining()];
            bytes.get(chunk);
            received.write(chunk, 0, chunk.length);
        }
    };

    private final TransferListener listener = new TransferListener() {
        @Override
        public synchronized void progress(long totalBytes) {
            progress.add(totalBytes);
        }
    };

    private CompletableFuture<TransferResult> download(String protocol, TransferFault... faults) {
        FaultyTransferClient client = new FaultyTransferClient(new ScriptedTransferClient().serving(file, true),
                protocol, attempt -> {
                    asked.add(attempt);
                    return List.of(faults);
                }, scheduler);
        RemoteUrl url = new RemoteUrl(UrlScheme.FTP, Optional.of("admin"), Optional.of("secret"),
                Optional.of("10.1.1.1"), OptionalInt.of(2121), Optional.empty(), "images/x.bin");
        TransferRequest request = new TransferRequest("r1", url, new InetSocketAddress("127.0.0.1", 21),
                Optional.empty(), Optional.empty(), TransferSettings.defaults().withTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMillis(100)));
        return client.download(request, sink, listener);
    }

    private CompletableFuture<TransferResult> upload(ScriptedTransferClient server, TransferFault... faults) {
        FaultyTransferClient client = new FaultyTransferClient(server, "ftp", attempt -> {
            asked.add(attempt);
            return List.of(faults);
        }, scheduler);
        RemoteUrl url = new RemoteUrl(UrlScheme.FTP, Optional.empty(), Optional.empty(), Optional.of("10.1.1.1"),
                OptionalInt.empty(), Optional.empty(), "backup/x.bin");
        TransferRequest request = new TransferRequest("r1", url, new InetSocketAddress("127.0.0.1", 21),
                Optional.empty(), Optional.empty(), TransferSettings.defaults().withTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMillis(100)));
        ByteBuffer bytes = ByteBuffer.wrap(file);
        return client.upload(request, new TransferSource() {
            @Override
            public long size() {
                return file.length;
            }

            @Override
            public int read(ByteBuffer buffer) {
                if (!bytes.hasRemaining()) {
                    return -1;
                }
                int n = Math.min(buffer.remaining(), bytes.remaining());
                ByteBuffer part = bytes.slice();
                part.limit(n);
                buffer.put(part);
                bytes.position(bytes.position() + n);
                return n;
            }
        }, listener);
    }

    @Test
    void anUploadCutShortFailsAsTheServerClosingAndTheServerSeesOnlyTheFirstBytes() throws Exception {
        ScriptedTransferClient server = new ScriptedTransferClient();
        TransferException e = failure(upload(server, new TransferFault.TruncateAfter(5_000),
                new TransferFault.CorruptByteAt(10)));

        assertThat(e.error()).isEqualTo(TransferError.CONNECTION_CLOSED);
        assertThat(e.dataStarted()).isTrue();
        byte[] got = server.uploaded();
        assertThat(got).hasSize(5_000);
        assertThat(got[10]).isEqualTo((byte) ~file[10]);
        assertThat(asked).singleElement().satisfies(a -> assertThat(a.upload()).isTrue());
    }

    @Test
    void aCutAtTheVeryEndCutsNothingEitherWay() throws Exception {
        ScriptedTransferClient server = new ScriptedTransferClient();

        assertThat(upload(server, new TransferFault.TruncateAfter(file.length)).get(10, TimeUnit.SECONDS).bytes())
                .isEqualTo(file.length);
        assertThat(server.uploaded()).isEqualTo(file);
        assertThat(download("ftp", new TransferFault.TruncateAfter(file.length)).get(10, TimeUnit.SECONDS).bytes())
                .isEqualTo(file.length);
        assertThat(received.toByteArray()).isEqualTo(file);
    }

    @Test
    void aStalledUploadTimesOut() throws Exception {
        TransferException e = failure(upload(new ScriptedTransferClient(), new TransferFault.StallAfter(0),
                new TransferFault.Latency(Duration.ofMillis(20))));

        assertThat(e.error()).isEqualTo(TransferError.TIMED_OUT);
    }

    @Test
    void anUploadWithoutFaultsIsTheRealOne() throws Exception {
        ScriptedTransferClient server = new ScriptedTransferClient();

        assertThat(upload(server).get(10, TimeUnit.SECONDS).bytes()).isEqualTo(file.length);
        assertThat(server.uploaded()).isEqualTo(file);
    }

    private static TransferException failure(CompletableFuture<TransferResult> transfer) throws Exception {
        try {
            transfer.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (TransferException) e.getCause();
        }
        throw new AssertionError("the transfer succeeded");
    }

    @Test
    void asksOncePerTransferWithTheUrlWithoutCredentials() throws Exception {
        assertThat(download("ftp").get(10, TimeUnit.SECONDS).bytes()).isEqualTo(file.length);

        assertThat(asked).containsExactly(new TransferFaults.TransferAttempt("r1",
                "ftp://10.1.1.1:2121/images/x.bin", "ftp", false));
        assertThat(received.toByteArray()).isEqualTo(file);
    }

    @Test
    void aPlannedFailureFailsBeforeAnyData() throws Exception {
        TransferException e = failure(download("ftp", new TransferFault.Fail(TransferError.LOGIN_FAILED)));

        assertThat(e.error()).isEqualTo(TransferError.LOGIN_FAILED);
        assertThat(e.dataStarted()).isFalse();
        assertThat(received.size()).isZero();
    }

    @Test
    void aTruncatedFtpTransferIsClosedByTheServerAndATftpOneTimesOut() throws Exception {
        TransferException ftp = failure(download("ftp", new TransferFault.TruncateAfter(7_000)));
        assertThat(ftp.error()).isEqualTo(TransferError.CONNECTION_CLOSED);
        assertThat(ftp.dataStarted()).isTrue();
        assertThat(received.size()).isEqualTo(7_000);
        assertThat(progress).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(7_000L));

        received.reset();
        assertThat(failure(download("tftp", new TransferFault.TruncateAfter(7_000))).error())
                .isEqualTo(TransferError.TIMED_OUT);
    }

    @Test
    void aStallEndsInTimedOutAfterTheIdleTimeout() throws Exception {
        TransferException e = failure(download("ftp", new TransferFault.StallAfter(3_000)));

        assertThat(e.error()).isEqualTo(TransferError.TIMED_OUT);
        assertThat(e.dataStarted()).isTrue();
        assertThat(received.toByteArray()).isEqualTo(java.util.Arrays.copyOf(file, 3_000));
    }

    @Test
    void aCorruptedByteIsFlippedAndNothingElseChanges() throws Exception {
        download("ftp", new TransferFault.CorruptByteAt(12_345)).get(10, TimeUnit.SECONDS);

        byte[] got = received.toByteArray();
        assertThat(got[12_345]).isEqualTo((byte) ~file[12_345]);
        got[12_345] = file[12_345];
        assertThat(got).isEqualTo(file);
    }

    @Test
    void aBandwidthLimitDeliversEveryByteInOrderWithRisingProgress() throws Exception {
        TransferResult result = download("ftp", new TransferFault.Bandwidth(100_000),
                new TransferFault.Latency(Duration.ofMillis(50)), new TransferFault.CorruptByteAt(0))
                .get(10, TimeUnit.SECONDS);

        assertThat(result.bytes()).isEqualTo(file.length);
        byte[] got = received.toByteArray();
        got[0] = (byte) ~got[0];
        assertThat(got).isEqualTo(file);
        assertThat(progress).isSorted().last().isEqualTo((long) file.length);
    }

    @Test
    void cancellingTheCopyStopsAPacedTransfer() throws Exception {
        CompletableFuture<TransferResult> transfer = download("ftp", new TransferFault.Bandwidth(1_000));
        transfer.cancel(true);

        assertThatThrownBy(() -> transfer.get()).isInstanceOf(java.util.concurrent.CancellationException.class);
        scheduler.submit(() -> { }).get(10, TimeUnit.SECONDS);
        assertThat(received.size()).isLessThan(file.length);
    }
}
