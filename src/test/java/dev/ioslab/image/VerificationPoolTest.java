package dev.ioslab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VerificationPoolTest {

    @Test
    void runsTasksAndReportsTheirFailures() throws Exception {
        try (VerificationPool pool = new VerificationPool(2)) {
            assertThat(pool.submit("r1", () -> 6 * 7).get(10, TimeUnit.SECONDS)).isEqualTo(42);
            CompletableFuture<Integer> failing = pool.submit("r1", () -> {
                throw new IllegalStateException("boom");
            });
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void oneFloodingOwnerCannotStarveAnother() throws Exception {
        try (VerificationPool pool = new VerificationPool(1)) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> blocker = pool.submit("flood", () -> {
                started.countDown();
                release.await();
                return null;
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Boolean>> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "flood-" + i;
                all.add(pool.submit("flood", () -> order.add(name)));
            }
            all.add(pool.submit("quiet", () -> order.add("quiet-0")));
            all.add(pool.submit("quiet", () -> order.add("quiet-1")));
            assertThat(pool.busyWorkers()).isEqualTo(1);
            assertThat(pool.queueDepth()).isEqualTo(22);
            release.countDown();
            blocker.get(10, TimeUnit.SECONDS);
            CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(10, TimeUnit.SECONDS);
            assertThat(order).hasSize(22);
            // Round-robin: the quiet owner waits for one flood task per turn, not for all twenty.
            assertThat(order.subList(0, 4)).containsExactly("flood-0", "quiet-0", "flood-1", "quiet-1");
            assertThat(pool.queueDepth()).isZero();
        }
    }

    @Test
    void workersHaveClearNamesAndAreDaemons() throws Exception {
        try (VerificationPool pool = new VerificationPool(1)) {
            Thread worker = pool.submit("r1", Thread::currentThread).get(10, TimeUnit.SECONDS);
            assertThat(worker.getName()).startsWith("ioslab-verify-");
            assertThat(worker.isDaemon()).isTrue();
        }
    }

    @Test
    void closeDropsQueuedTasksAndRejectsNewOnes() throws Exception {
        VerificationPool pool = new VerificationPool(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pool.submit("a", () -> {
            started.countDown();
            release.await();
            return null;
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> queued = pool.submit("b", () -> 1);
        pool.close();
        release.countDown();
        assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> pool.submit("c", () -> 1).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RejectedExecutionException.class);
    }
}
