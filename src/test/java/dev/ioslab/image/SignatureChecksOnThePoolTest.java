package dev.ioslab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ioslab.testing.TestPki;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class SignatureChecksOnThePoolTest {

    @TempDir
    Path dir;

    private static final ImageMetadata PRODUCTION_A =
            ImageMetadata.of(ImageType.PRODUCTION, KeyType.RELEASE, 'A', "C3900", "15.7(3)M8");

    private static byte[] payload(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private FileChannel channel(Path file) throws Exception {
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    /** Holds every worker of {@code pool} until the returned latch is released. */
    private static CountDownLatch occupy(VerificationPool pool) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(pool.workers());
        for (int i = 0; i < pool.workers(); i++) {
            pool.submit("gate-" + i, () -> {
                started.countDown();
                return release.await(30, TimeUnit.SECONDS);
            });
        }
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    /** One device of the rack: its key storage, its image and the answer it must get. */
    private record Rack(String name, KeyStorage keys, Path image, VerificationStatus expected, String version) {
    }

    private Rack device(int i) throws Exception {
        String name = "r" + i;
        KeyStorage keys = KeyStorage.open(dir.resolve(name).resolve("keys"), TestPki.lab().factoryKeys());
        String version = "15.7(3)M" + i;
        ImageMetadata metadata = ImageMetadata.of(ImageType.PRODUCTION, KeyType.RELEASE, 'A', "C3900", version);
        byte[] payload = payload(200_000 + i * 1000, i);
        byte[] image;
        VerificationStatus expected;
        switch (i % 5) {
            case 0 -> {
                metadata = ImageMetadata.of(ImageType.PRODUCTION, KeyType.RELEASE, 'B', "C3900", version);
                image = TestPki.sign(payload, metadata, TestPki.key("release-B"));
                expected = VerificationStatus.UNKNOWN_KEY;
            }
            case 1 -> {
                keys.addKey(TestPki.key("release-B").publicKey());
                keys.revokeOlderThan(KeyType.RELEASE, 'B');
                image = TestPki.sign(payload, metadata, TestPki.key("release-A"));
                expected = VerificationStatus.REVOKED_KEY;
            }
            case 2 -> {
                image = TestPki.sign(payload, metadata, TestPki.key("release-A"));
                image[i] ^= 1;
                expected = VerificationStatus.HASH_MISMATCH;
            }
            case 3 -> {
                image = TestPki.sign(payload, metadata, TestPki.key("release-A"));
                expected = VerificationStatus.VALID;
            }
            default -> {
                image = payload;
                expected = VerificationStatus.NOT_SIGNED;
            }
        }
        Path file = dir.resolve(name + ".bin");
        Files.write(file, image);
        return new Rack(name, keys, file, expected, expected == VerificationStatus.NOT_SIGNED ? null : version);
    }

    @Test
    void fiftyDevicesGetTheirOwnAnswersAndNoneWaitsMoreThanItsShare() throws Exception {
        List<Rack> rack = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rack.add(device(i));
        }
        Path floodImage = dir.resolve("flood.bin");
        Files.write(floodImage, TestPki.production(payload(100_000, 99)));
        KeyStorage floodKeys = KeyStorage.open(dir.resolve("flood").resolve("keys"), TestPki.lab().factoryKeys());
        List<String> starts = Collections.synchronizedList(new ArrayList<>());
        // One worker: the order in which checks call started() is then exactly the order the pool took them in
        // (with two, a worker preempted between taking a task and starting it lets the other run ahead).
        try (VerificationPool pool = new VerificationPool(1)) {
            CountDownLatch release = occupy(pool);
            List<CompletableFuture<VerificationResult>> flood = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                flood.add(pool.verifyImage("flood", channel(floodImage), floodKeys, check(starts, "flood")));
            }
            Map<String, CompletableFuture<VerificationResult>> answers = new HashMap<>();
            ExecutorService sessions = Executors.newFixedThreadPool(8);
            try {
                List<CompletableFuture<Void>> submitted = new ArrayList<>();
                for (Rack d : rack) {
                    CompletableFuture<VerificationResult> answer = new CompletableFuture<>();
                    answers.put(d.name(), answer);
                    submitted.add(CompletableFuture.runAsync(() -> {
                        try {
                            pool.verifyImage(d.name(), channel(d.image()), d.keys(), check(starts, d.name()))
                                    .whenComplete((r, e) -> {
                                        if (e != null) {
                                            answer.completeExceptionally(e);
                                        } else {
                                            answer.complete(r);
                                        }
                                    });
                        } catch (Exception e) {
                            answer.completeExceptionally(e);
                        }
                    }, sessions));
                }
                CompletableFuture.allOf(submitted.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
            } finally {
                sessions.shutdown();
            }
            assertThat(pool.queueDepth()).isEqualTo(70);
            release.countDown();
            for (Rack d : rack) {
                VerificationResult r = answers.get(d.name()).get(60, TimeUnit.SECONDS);
                assertThat(r.status()).as(d.name()).isEqualTo(d.expected());
                if (d.version() != null) {
                    assertThat(r.signature().orElseThrow().metadata().version()).as(d.name()).isEqualTo(d.version());
                }
            }
            for (CompletableFuture<VerificationResult> f : flood) {
                assertThat(f.get(60, TimeUnit.SECONDS).status()).isEqualTo(VerificationStatus.VALID);
            }
        }
        assertThat(starts).hasSize(70);
        // Round-robin: before any device's one check starts, the flooding device got at most one turn.
        for (Rack d : rack) {
            long floodBefore = starts.subList(0, starts.indexOf(d.name())).stream().filter("flood"::equals).count();
            assertThat(floodBefore).as("flood checks started before %s", d.name()).isLessThanOrEqualTo(1);
        }
    }

    private static ImageCheck check(List<String> starts, String owner) {
        return new ImageCheck(false, new VerificationListener() {
            @Override
            public void started() {
                starts.add(owner);
            }
        }, () -> false);
    }

    @Test
    void cancellingAQueuedCheckTakesItOutOfTheQueueAtOnce() throws Exception {
        Path image = dir.resolve("a.bin");
        Files.write(image, TestPki.production(payload(1000, 1)));
        KeyStorage keys = KeyStorage.open(dir.resolve("keys"), TestPki.lab().factoryKeys());
        AtomicBoolean started = new AtomicBoolean();
        try (VerificationPool pool = new VerificationPool(1)) {
            CountDownLatch release = occupy(pool);
            CompletableFuture<VerificationResult> waiting = pool.verifyImage("r1", channel(image), keys,
                    new ImageCheck(false, new VerificationListener() {
                        @Override
                        public void started() {
                            started.set(true);
                        }
                    }, () -> false));
            CompletableFuture<VerificationResult> other = pool.verifyImage("r2", channel(image), keys,
                    ImageCheck.signatureOnly());
            assertThat(pool.queueDepth()).isEqualTo(2);
            waiting.cancel(true);
            assertThat(pool.queueDepth()).isEqualTo(1);
            release.countDown();
            assertThat(other.get(30, TimeUnit.SECONDS).isValid()).isTrue();
            assertThat(waiting).isCancelled();
            assertThat(started).isFalse();
        }
    }

    @Test
    void aRunningCheckStopsBetweenChunksWhenItsFlagTurns() throws Exception {
        Path image = dir.resolve("big.bin");
        Files.write(image, TestPki.production(payload(8 * ImageVerifier.CHUNK_BYTES, 2)));
        KeyStorage keys = KeyStorage.open(dir.resolve("keys"), TestPki.lab().factoryKeys());
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicLong hashed = new AtomicLong();
        ImageCheck check = new ImageCheck(true, new VerificationListener() {
            @Override
            public void hashed(long done, long total) {
                hashed.set(done);
                interrupted.set(true);
            }
        }, interrupted::get);
        try (VerificationPool pool = new VerificationPool(1)) {
            CompletableFuture<VerificationResult> f = pool.verifyImage("r1", channel(image), keys, check);
            assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class)
                    .hasMessage("image check cancelled");
        }
        assertThat(hashed.get()).isEqualTo(ImageVerifier.CHUNK_BYTES);
    }

    @Test
    void cancellingTheFutureOfARunningCheckStopsItAtTheNextChunk() throws Exception {
        Path image = dir.resolve("big.bin");
        Files.write(image, TestPki.production(payload(8 * ImageVerifier.CHUNK_BYTES, 3)));
        KeyStorage keys = KeyStorage.open(dir.resolve("keys"), TestPki.lab().factoryKeys());
        AtomicReference<CompletableFuture<VerificationResult>> running = new AtomicReference<>();
        CountDownLatch submitted = new CountDownLatch(1);
        AtomicLong hashed = new AtomicLong();
        ImageCheck check = new ImageCheck(false, new VerificationListener() {
            @Override
            public void hashed(long done, long total) {
                try {
                    submitted.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                hashed.set(done);
                running.get().cancel(true);
            }
        }, () -> false);
        try (VerificationPool pool = new VerificationPool(1)) {
            running.set(pool.verifyImage("r1", channel(image), keys, check));
            submitted.countDown();
            assertThatThrownBy(() -> running.get().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(CancellationException.class);
            // The worker is free again for the next device.
            assertThat(pool.verifyImage("r2", channel(image), keys, ImageCheck.signatureOnly())
                    .get(30, TimeUnit.SECONDS).isValid()).isTrue();
        }
        assertThat(hashed.get()).isEqualTo(ImageVerifier.CHUNK_BYTES);
    }

    @Test
    void anUnreadableFileFailsTheFutureWithItsIoError() throws Exception {
        Path image = dir.resolve("gone.bin");
        Files.write(image, new byte[100]);
        FileChannel ch = channel(image);
        ch.close();
        KeyStorage keys = KeyStorage.open(dir.resolve("keys"), List.of());
        try (VerificationPool pool = new VerificationPool(1)) {
            assertThatThrownBy(() -> pool.verifyImage("r1", ch, keys, ImageCheck.signatureOnly())
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void inspectionReadsOnlyTheEnvelope() throws Exception {
        Path image = dir.resolve("i.bin");
        Files.write(image, TestPki.production(payload(5000, 3)));
        Path plain = dir.resolve("plain.bin");
        Files.write(plain, payload(5000, 4));
        try (VerificationPool pool = new VerificationPool(1)) {
            Inspection signed = pool.inspectImage("r1", channel(image)).get(30, TimeUnit.SECONDS);
            assertThat(signed).isInstanceOfSatisfying(Inspection.Signed.class, s -> {
                assertThat(s.envelope().metadata()).isEqualTo(PRODUCTION_A);
                assertThat(s.payloadBytes()).isEqualTo(5000);
            });
            assertThat(pool.inspectImage("r1", channel(plain)).get(30, TimeUnit.SECONDS))
                    .isEqualTo(new Inspection.Unreadable(VerificationStatus.NOT_SIGNED, "no signature trailer"));
        }
    }

    @Test
    void aBusyPoolReportsItsLoadAtMostEveryTenSeconds() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(VerificationPool.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        AtomicLong now = new AtomicLong();
        try (VerificationPool pool = new VerificationPool(1, now::get)) {
            CountDownLatch release = occupy(pool);
            List<CompletableFuture<Integer>> queued = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                queued.add(pool.submit("r" + i, () -> 1));
            }
            assertThat(pool.stats()).isEqualTo(new VerificationPool.Stats(1, 1, 3, 0));
            now.set(TimeUnit.SECONDS.toNanos(11));
            release.countDown();
            CompletableFuture.allOf(queued.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
        } finally {
            logger.detachAppender(log);
            logger.setLevel(level);
        }
        List<String> reports = log.list.stream().filter(e -> e.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("Verification pool busy")).toList();
        // The gate finished with three tasks queued, eleven seconds after the start: one report, 1 task in 11 s.
        assertThat(reports).containsExactly("Verification pool busy: 3 queued, 0/1 workers busy, 0.1 verifications/s");
    }
}
