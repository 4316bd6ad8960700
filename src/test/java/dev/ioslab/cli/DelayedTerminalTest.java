package dev.ioslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DelayedTerminalTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final List<String> seen = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private final Terminal real = new Terminal() {
        @Override
        public synchronized void write(String text) {
            seen.add(text);
        }

        @Override
        public synchronized void close() {
            seen.add("<closed>");
            closed.countDown();
        }
    };

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void writesArriveLaterInTheOrderWrittenAndTheCloseComesLast() throws Exception {
        DelayedTerminal delayed = new DelayedTerminal(real, Duration.ofMillis(20), scheduler);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            delayed.write("line " + i + "\r\n");
            expected.add("line " + i + "\r\n");
        }
        delayed.close();
        expected.add("<closed>");

        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        synchronized (real) {
            assertThat(seen).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void nothingArrivesBeforeItIsDue() {
        DelayedTerminal delayed = new DelayedTerminal(real, Duration.ofHours(1), scheduler);
        delayed.write("later");

        synchronized (real) {
            assertThat(seen).isEmpty();
        }
    }
}
