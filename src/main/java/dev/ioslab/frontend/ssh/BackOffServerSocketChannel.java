package dev.ioslab.frontend.ssh;

import dev.ioslab.frontend.admission.ConnectionEvent;
import dev.ioslab.frontend.admission.ConnectionLog;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.CompletionHandler;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A listening socket that pauses instead of spinning when the operating system cannot accept. MINA's NIO2 acceptor
 * answers a failed accept by accepting again at once; when the process is out of descriptors (EMFILE) every attempt
 * fails straight away and the I/O threads spin at full speed without serving anyone. Here a failed accept on an open
 * socket never reaches MINA: it is counted in the summary log and the same accept is issued again after an
 * {@link AcceptBackOff} pause, on the shared timer. Everything else is passed to the wrapped channel.
 *
 * <p>Threading: as the wrapped channel; the retry runs on the timer thread and only issues the asynchronous accept.
 */
final class BackOffServerSocketChannel extends AsynchronousServerSocketChannel {

    private final AsynchronousServerSocketChannel channel;
    private final ScheduledExecutorService timer;
    private final ConnectionLog log;
    private final AcceptBackOff backOff = new AcceptBackOff();

    BackOffServerSocketChannel(AsynchronousServerSocketChannel channel, ScheduledExecutorService timer,
                               ConnectionLog log) {
        super(channel.provider());
        this.channel = channel;
        this.timer = timer;
        this.log = log;
    }

    @Override
    public <A> void accept(A attachment, CompletionHandler<AsynchronousSocketChannel, ? super A> handler) {
        channel.accept(attachment, new Guard<>(attachment, handler));
    }

    @Override
    public Future<AsynchronousSocketChannel> accept() {
        return channel.accept();
    }

    @Override
    public AsynchronousServerSocketChannel bind(SocketAddress local, int backlog) throws IOException {
        channel.bind(local, backlog);
        return this;
    }

    @Override
    public <T> AsynchronousServerSocketChannel setOption(SocketOption<T> name, T value) throws IOException {
        channel.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return channel.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return channel.supportedOptions();
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        return channel.getLocalAddress();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Passes accepted connections on, and turns a failure on an open socket into a paused retry. */
    private final class Guard<A> implements CompletionHandler<AsynchronousSocketChannel, A> {

        private final A attachment;
        private final CompletionHandler<AsynchronousSocketChannel, ? super A> handler;

        Guard(A attachment, CompletionHandler<AsynchronousSocketChannel, ? super A> handler) {
            this.attachment = attachment;
            this.handler = handler;
        }

        @Override
        public void completed(AsynchronousSocketChannel accepted, A unused) {
            backOff.succeeded();
            handler.completed(accepted, attachment);
        }

        @Override
        public void failed(Throwable failure, A unused) {
            if (!(failure instanceof IOException) || failure instanceof ClosedChannelException || !channel.isOpen()) {
                handler.failed(failure, attachment);
                return;
            }
            log.record(ConnectionEvent.ACCEPT_FAILED, "SSH", null);
            try {
                timer.schedule(this::retry, backOff.failed().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                handler.failed(failure, attachment);
            }
        }

        private void retry() {
            if (channel.isOpen()) {
                try {
                    channel.accept(attachment, this);
                } catch (RuntimeException closedMeanwhile) {
                    handler.failed(closedMeanwhile, attachment);
                }
            }
        }
    }
}
