package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.common.channel.IoWriteFutureImpl;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.io.WritePendingException;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.closeable.AbstractCloseable;
import org.junit.jupiter.api.Test;

class ChannelTerminalTest {

    /** Like MINA's channel stream: one pending write at a time, completed when the test says so. */
    private static final class ManualStream extends AbstractCloseable implements IoOutputStream {
        final List<String> written = new ArrayList<>();
        IoWriteFutureImpl pending;

        @Override
        public synchronized IoWriteFuture writeBuffer(Buffer buffer) throws IOException {
            if (pending != null && !pending.isDone()) {
                throw new WritePendingException("a write is pending");
            }
            written.add(new String(buffer.array(), buffer.rpos(), buffer.available(), StandardCharsets.ISO_8859_1));
            pending = new IoWriteFutureImpl("test", buffer);
            return pending;
        }

        void complete() {
            IoWriteFutureImpl future;
            synchronized (this) {
                future = pending;
            }
            future.setValue(Boolean.TRUE);
        }

        void fail() {
            IoWriteFutureImpl future;
            synchronized (this) {
                future = pending;
            }
            future.setValue(new IOException("peer gone"));
        }
    }

    private final ManualStream stream = new ManualStream();
    private final List<Integer> exits = new ArrayList<>();
    private final ChannelTerminal terminal =
            new ChannelTerminal(stream, (status, message, immediately) -> exits.add(status), "test");

    @Test
    void textWrittenWhileAWriteIsPendingGoesOutTogetherAfterIt() {
        terminal.write("r1#");
        terminal.write("show ");
        terminal.write("version");
        assertThat(stream.written).containsExactly("r1#");

        stream.complete();

        assertThat(stream.written).containsExactly("r1#", "show version");
    }

    @Test
    void backlogBeyondTheHighWaterMarkHoldsTheSessionUntilItDrains() {
        terminal.write("r1#");
        String big = "x".repeat(ChannelTerminal.HIGH_WATER);
        terminal.write(big);
        assertThat(terminal.backlogged()).isTrue();
        List<String> events = new ArrayList<>();
        terminal.whenDrained(() -> events.add("drained"));
        assertThat(events).isEmpty();

        stream.complete();

        assertThat(terminal.backlogged()).isFalse();
        assertThat(events).containsExactly("drained");
        terminal.whenDrained(() -> events.add("at once"));
        assertThat(events).containsExactly("drained", "at once");
    }

    @Test
    void closeFlushesQueuedTextBeforeReportingExitStatusZero() {
        terminal.write("bye");
        terminal.write("\r\n");
        terminal.close();
        assertThat(exits).isEmpty();

        stream.complete();
        assertThat(stream.written).containsExactly("bye", "\r\n");
        assertThat(exits).isEmpty();

        stream.complete();
        assertThat(exits).containsExactly(0);
    }

    @Test
    void firstFinishWinsAndLaterWritesAreDropped() {
        terminal.finish(1);
        terminal.close();
        terminal.write("late");

        assertThat(exits).containsExactly(1);
        assertThat(stream.written).isEmpty();
    }

    @Test
    void closedChannelDropsQueuedAndLaterTextAndReportsNoExit() {
        terminal.write("a");
        terminal.write("b");
        terminal.channelClosed();
        stream.complete();
        terminal.write("c");
        terminal.close();

        assertThat(stream.written).containsExactly("a");
        assertThat(exits).isEmpty();
    }

    @Test
    void failedWriteStopsTheTerminal() {
        terminal.write("a");
        terminal.write("b");
        stream.fail();
        terminal.write("c");

        assertThat(stream.written).containsExactly("a");
    }

    @Test
    void textIsSentAsOneBytePerChar() {
        terminal.write("caf\u00e9");

        assertThat(stream.written).containsExactly("caf\u00e9");
    }
}
