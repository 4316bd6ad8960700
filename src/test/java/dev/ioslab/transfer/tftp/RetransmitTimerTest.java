package dev.ioslab.transfer.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The retransmission clock on a frozen event loop whose time the test moves on. */
class RetransmitTimerTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final List<String> calls = new ArrayList<>();
    private long now;

    private RetransmitTimer timer(int retries) {
        channel.freezeTime();
        return new RetransmitTimer(channel.eventLoop(), Duration.ofSeconds(1), Duration.ofMinutes(5), retries,
                new RetransmitTimer.Owner() {
                    @Override
                    public void retransmit() {
                        calls.add("retransmit at " + TimeUnit.NANOSECONDS.toMillis(now));
                    }

                    @Override
                    public void timedOut(int attempts) {
                        calls.add("timed out after " + attempts);
                    }
                }, () -> now);
    }

    private void advance(Duration by) {
        now += by.toNanos();
        channel.advanceTimeBy(by.toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
    }

    @Test
    void silenceBacksOffToFourIntervalsThenTimesOut() {
        RetransmitTimer timer = timer(4);
        timer.restart();
        for (int second = 0; second < 16; second++) {
            advance(Duration.ofSeconds(1));
        }
        assertThat(calls).containsExactly("retransmit at 1000", "retransmit at 3000", "retransmit at 7000",
                "retransmit at 11000", "timed out after 4");
    }

    @Test
    void progressAfterABackOffBringsTheNextRetransmissionBackToOneInterval() {
        RetransmitTimer timer = timer(10);
        timer.restart();
        advance(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(2));
        assertThat(calls).containsExactly("retransmit at 1000", "retransmit at 3000");

        timer.restart();
        advance(Duration.ofSeconds(1));
        assertThat(calls).as("one first interval after the progress, not four")
                .containsExactly("retransmit at 1000", "retransmit at 3000", "retransmit at 4000");
    }

    @Test
    void progressBeforeTheDeadlinePutsTheRetransmissionOff() {
        RetransmitTimer timer = timer(10);
        timer.restart();
        advance(Duration.ofMillis(600));
        timer.restart();
        advance(Duration.ofMillis(600));
        assertThat(calls).as("1.2 s in, but only 0.6 s since the progress").isEmpty();
        advance(Duration.ofMillis(400));
        assertThat(calls).containsExactly("retransmit at 1600");
    }
}
