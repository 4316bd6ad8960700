package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.frontend.admission.ConnectionEvent;
import dev.ioslab.frontend.admission.ConnectionLog;
import dev.ioslab.testing.CliTester;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.CompletionHandler;
import java.nio.channels.spi.AsynchronousChannelProvider;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failed accept on an open listener (EMFILE) is retried after a pause and never reaches MINA, which would retry at
 * once and spin; a closed listener's failure does reach it; the pause doubles up to a second and resets on success.
 */
class BackOffServerSocketChannelTest {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final ConnectionLog log = new ConnectionLog(CliTester.clockAt(CliTester.EPOCH), Duration.ofSeconds(10));

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void failedAcceptIsRetriedAfterAPauseWithoutTellingMina() throws Exception {
        ScriptedListener listener = new ScriptedListener();
        BackOffServerSocketChannel channel = new BackOffServerSocketChannel(listener, timer, log);
        RecordingHandler mina = new RecordingHandler();
        channel.accept("addr", mina);

        Pending<?> first = listener.pending.poll(10, TimeUnit.SECONDS);
        first.fail(new IOException("Too many open files"));
        Pending<?> retry = listener.pending.poll(10, TimeUnit.SECONDS);
        assertThat(retry).as("the accept issued again after the pause").isNotNull();
        assertThat(mina.events).as("MINA saw nothing of the failure").isEmpty();
        assertThat(log.total(ConnectionEvent.ACCEPT_FAILED)).isEqualTo(1);

        retry.complete();
        assertThat(mina.events.poll(10, TimeUnit.SECONDS)).isEqualTo("completed addr");
    }

    @Test
    void failureOfAClosedListenerReachesMina() throws Exception {
        ScriptedListener listener = new ScriptedListener();
        BackOffServerSocketChannel channel = new BackOffServerSocketChannel(listener, timer, log);
        RecordingHandler mina = new RecordingHandler();
        channel.accept("addr", mina);
        listener.close();
        listener.pending.poll(10, TimeUnit.SECONDS).fail(new ClosedChannelException());
        assertThat(mina.events.poll(10, TimeUnit.SECONDS)).isEqualTo("failed addr ClosedChannelException");
        assertThat(log.total(ConnectionEvent.ACCEPT_FAILED)).isZero();
    }

    @Test
    void pauseDoublesUpToASecondAndResetsOnSuccess() {
        AcceptBackOff backOff = new AcceptBackOff();
        assertThat(backOff.failed()).isEqualTo(Duration.ofMillis(50));
        assertThat(backOff.failed()).isEqualTo(Duration.ofMillis(100));
        for (int i = 0; i < 10; i++) {
            backOff.failed();
        }
        assertThat(backOff.failed()).isEqualTo(AcceptBackOff.MAX);
        backOff.succeeded();
        assertThat(backOff.failed()).isEqualTo(AcceptBackOff.FIRST);
    }

    /** One accept waiting for the test to complete or fail it. */
    private record Pending<A>(A attachment, CompletionHandler<AsynchronousSocketChannel, ? super A> handler) {
        void fail(Throwable failure) {
            handler.failed(failure, attachment);
        }

        void complete() {
            handler.completed(null, attachment);
        }
    }

    /** A listener whose accepts are queued for the test to answer. */
    private static final class ScriptedListener extends AsynchronousServerSocketChannel {
        final BlockingQueue<Pending<?>> pending = new LinkedBlockingQueue<>();
        private volatile boolean open = true;

        ScriptedListener() {
            super(AsynchronousChannelProvider.provider());
        }

        @Override
        public <A> void accept(A attachment, CompletionHandler<AsynchronousSocketChannel, ? super A> handler) {
            pending.add(new Pending<>(attachment, handler));
        }

        @Override
        public Future<AsynchronousSocketChannel> accept() {
            throw new UnsupportedOperationException();
        }

        @Override
        public AsynchronousServerSocketChannel bind(SocketAddress local, int backlog) {
            return this;
        }

        @Override
        public <T> AsynchronousServerSocketChannel setOption(SocketOption<T> name, T value) {
            return this;
        }

        @Override
        public <T> T getOption(SocketOption<T> name) {
            return null;
        }

        @Override
        public Set<SocketOption<?>> supportedOptions() {
            return Set.of();
        }

        @Override
        public SocketAddress getLocalAddress() {
            return null;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    /** Stands in for MINA's accept handler. */
    private static final class RecordingHandler implements CompletionHandler<AsynchronousSocketChannel, Object> {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void completed(AsynchronousSocketChannel result, Object attachment) {
            events.add("completed " + attachment);
        }

        @Override
        public void failed(Throwable failure, Object attachment) {
            events.add("failed " + attachment + " " + failure.getClass().getSimpleName());
        }
    }
}
