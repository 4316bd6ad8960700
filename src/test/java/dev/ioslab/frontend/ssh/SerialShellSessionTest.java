package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.ioslab.cli.ShellSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SerialShellSessionTest {

    /** Records calls, can run a nested call on its own wrapper and notices overlapping calls. */
    private static class Recorder implements ShellSession {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger inside = new AtomicInteger();
        volatile boolean overlap;
        volatile Runnable onReceive = () -> { };

        @Override
        public void start() {
            record("start");
        }

        @Override
        public void receive(byte[] data, int offset, int length) {
            enter();
            calls.add("receive " + new String(data, offset, length, StandardCharsets.ISO_8859_1));
            onReceive.run();
            calls.add("receive done");
            leave();
        }

        @Override
        public void resize(int columns, int rows) {
            record("resize " + columns + "x" + rows);
        }

        @Override
        public void disconnected() {
            record("disconnected");
        }

        private void record(String call) {
            enter();
            calls.add(call);
            leave();
        }

        private void enter() {
            if (inside.incrementAndGet() > 1) {
                overlap = true;
            }
        }

        private void leave() {
            inside.decrementAndGet();
        }
    }

    @Test
    void nestedCallRunsAfterTheOuterCallReturns() {
        Recorder cli = new Recorder();
        SerialShellSession serial = new SerialShellSession(cli, "test");
        cli.onReceive = serial::disconnected;

        serial.receive("exit\r".getBytes(StandardCharsets.ISO_8859_1), 0, 5);

        assertThat(cli.calls).containsExactly("receive exit\r", "receive done", "disconnected");
        assertThat(cli.overlap).isFalse();
    }

    @Test
    void receivedBytesAreCopiedBeforeTheCallerReusesItsBuffer() {
        Recorder cli = new Recorder();
        SerialShellSession serial = new SerialShellSession(cli, "test");
        byte[] buffer = "ab".getBytes(StandardCharsets.ISO_8859_1);
        cli.onReceive = () -> {
            if (cli.calls.size() == 1) {
                serial.receive(buffer, 1, 1);
                buffer[1] = 'X';
            }
        };

        serial.receive(buffer, 0, 1);

        assertThat(cli.calls).containsExactly("receive a", "receive done", "receive b", "receive done");
    }

    @Test
    void callsFromManyThreadsNeverOverlap() throws Exception {
        Recorder cli = new Recorder();
        SerialShellSession serial = new SerialShellSession(cli, "test");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int t = 0; t < 4; t++) {
                int id = t;
                pool.execute(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    for (int i = 0; i < 500; i++) {
                        serial.resize(id, i);
                    }
                });
            }
            go.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(cli.calls).hasSize(2000);
        assertThat(cli.overlap).isFalse();
    }

    @Test
    void aFailingCallDoesNotStopLaterCalls() {
        AtomicReference<String> after = new AtomicReference<>();
        ShellSession failing = new Recorder() {
            @Override
            public void start() {
                throw new IllegalStateException("boom");
            }

            @Override
            public void resize(int columns, int rows) {
                after.set(columns + "x" + rows);
            }
        };
        SerialShellSession serial = new SerialShellSession(failing, "test");

        serial.start();
        serial.resize(80, 24);

        assertThat(after.get()).isEqualTo("80x24");
    }
}
