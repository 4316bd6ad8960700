package dev.ioslab.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reload in|at} and {@code reload cancel}: a timer fires only the reload it was set for. */
class ReloadScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private final List<String> banners = new CopyOnWriteArrayList<>();
    private final List<String> reloads = new CopyOnWriteArrayList<>();
    private final ReloadSchedule schedule = new ReloadSchedule(Clock.fixed(NOW, ZoneOffset.UTC), banners::add,
            reloads::add);
    private final ManualScheduler scheduler = new ManualScheduler();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /**
     * Keeps every timer instead of running it; each timer's future reports it could not be cancelled, as a
     * scheduler's does once the timer has begun to run (its task then waits for the schedule's lock).
     */
    private static final class ManualScheduler extends ScheduledThreadPoolExecutor {
        final List<Runnable> timers = new ArrayList<>();

        ManualScheduler() {
            super(1);
        }

        @Override
        public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            timers.add(command);
            return new ScheduledFuture<Object>() {
                @Override
                public long getDelay(TimeUnit u) {
                    return 0;
                }

                @Override
                public int compareTo(Delayed o) {
                    return 0;
                }

                @Override
                public boolean cancel(boolean mayInterrupt) {
                    return false;
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }

                @Override
                public boolean isDone() {
                    return false;
                }

                @Override
                public Object get() {
                    return null;
                }

                @Override
                public Object get(long timeout, TimeUnit u) {
                    return null;
                }
            };
        }
    }

    @Test
    void timerOfAReplacedReloadDoesNotFireTheNewOne() {
        schedule.schedule(NOW.plus(Duration.ofMinutes(10)), "first", "admin on vty0", scheduler);
        List<Runnable> first = List.copyOf(scheduler.timers);
        schedule.schedule(NOW.plus(Duration.ofMinutes(60)), "second", "admin on vty0", scheduler);

        // The first reload's timers began to run just as it was replaced.
        first.forEach(Runnable::run);

        assertThat(reloads).isEmpty();
        assertThat(banners).isEmpty();
        assertThat(schedule.pending()).get().extracting(ReloadSchedule.Pending::reason).isEqualTo("second");
    }

    @Test
    void timerOfACancelledReloadDoesNotFireOneScheduledAfterTheCancel() {
        schedule.schedule(NOW.plus(Duration.ofMinutes(10)), "first", "admin on vty0", scheduler);
        List<Runnable> first = List.copyOf(scheduler.timers);
        assertThat(schedule.cancel()).isTrue();
        banners.clear();
        schedule.schedule(NOW.plus(Duration.ofMinutes(60)), "second", "admin on vty0", scheduler);

        first.forEach(Runnable::run);

        assertThat(reloads).isEmpty();
        assertThat(banners).isEmpty();
        assertThat(schedule.pending()).isPresent();
    }

    @Test
    void itsOwnTimersWarnThenReload() {
        schedule.schedule(NOW.plus(Duration.ofMinutes(10)), "maintenance", "admin on vty0", scheduler);
        List.copyOf(scheduler.timers).forEach(Runnable::run);

        assertThat(banners).hasSize(3);
        assertThat(banners.get(0)).contains("*** --- SHUTDOWN in 0:05:00 ---");
        assertThat(banners.get(1)).contains("*** --- SHUTDOWN in 0:01:00 ---");
        assertThat(banners.get(2)).contains("*** --- SHUTDOWN NOW ---");
        assertThat(reloads).containsExactly("maintenance");
        assertThat(schedule.pending()).isEmpty();
    }

    @Test
    void aDeviceThatRebootsForgetsItsPendingReload() throws Exception {
        Device device = new Device("r1", Platform.c3900("FGL161010K8"), dir.resolve("r1"),
                Clock.fixed(NOW, ZoneOffset.UTC));
        List<String> restarts = new CopyOnWriteArrayList<>();
        device.attach((d, reason) -> restarts.add(reason), scheduler);
        device.reloadSchedule().schedule(NOW.plus(Duration.ofMinutes(60)), "maintenance", "admin on vty0",
                scheduler);

        // An immediate reload (or a power cycle) restarts the device before the scheduled time.
        device.boot(device.platform().defaultImage(), "Reload Command");

        assertThat(device.reloadSchedule().pending()).isEmpty();
        List.copyOf(scheduler.timers).forEach(Runnable::run);
        assertThat(restarts).isEmpty();
    }
}
