package dev.ioslab.frontend.telnet;

import dev.ioslab.cli.Terminal;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;

/**
 * The {@link Terminal} a Telnet shell session writes to. Text becomes a {@link TelnetMessage.Data} (one byte per char,
 * ISO-8859-1) that {@link TelnetEncoder} escapes. Thread-safe and non-blocking.
 *
 * <p>A session writes from its channel's event loop (the echo of typed keys) and from other threads (a command that
 * completes elsewhere, a broadcast, the idle timer). Netty runs a write made on the event loop at once but queues one
 * made elsewhere as a task, so the first could overtake the second; hence writes and the close wait here, in the
 * order made, and leave on the event loop, at once when nothing is waiting ahead of them. {@link #close()} closes only
 * after everything written before it has been flushed. Text still waiting here counts towards the backlog, as text in
 * Netty's outbound buffer does.
 */
final class ChannelTerminal implements Terminal {

    /** Stands in the outbox for the close. */
    private static final Object CLOSE = new Object();
    /** Bytes waiting in the outbox beyond which the session is held, as Netty's own high-water mark (64 KiB) does. */
    static final int OUTBOX_HIGH_WATER = 64 * 1024;

    private final Channel channel;
    private final List<Runnable> drained = new ArrayList<>();
    /** Data and the close not yet handed to the channel, in order; guarded by itself. */
    private final Queue<Object> outbox = new ArrayDeque<>();
    /** True while the outbox is being emptied on the event loop or a task to empty it is queued there. */
    private boolean sending;
    private boolean closed;
    private long outboxBytes;

    ChannelTerminal(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void write(String text) {
        if (!text.isEmpty()) {
            send(TelnetMessage.Data.of(text));
        }
    }

    /** The outbox, or Netty's outbound buffer, is over its high-water mark (64 KiB). */
    @Override
    public boolean backlogged() {
        synchronized (outbox) {
            if (outboxBytes >= OUTBOX_HIGH_WATER) {
                return channel.isActive();
            }
        }
        return channel.isActive() && !channel.isWritable();
    }

    @Override
    public void whenDrained(Runnable action) {
        synchronized (drained) {
            if (backlogged()) {
                drained.add(action);
                return;
            }
        }
        action.run();
    }

    /** Called by the session handler when the channel's writability changes, and when the outbox has emptied. */
    void writabilityChanged() {
        List<Runnable> ready;
        synchronized (drained) {
            if (backlogged()) {
                return;
            }
            ready = new ArrayList<>(drained);
            drained.clear();
        }
        ready.forEach(Runnable::run);
    }

    @Override
    public void close() {
        synchronized (outbox) {
            if (closed) {
                return;
            }
            closed = true;
        }
        send(CLOSE);
    }

    private void send(Object message) {
        synchronized (outbox) {
            outbox.add(message);
            if (message instanceof TelnetMessage.Data data) {
                outboxBytes += data.length();
            }
            if (sending) {
                return;
            }
            sending = true;
        }
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            emptyOutbox();
            return;
        }
        try {
            loop.execute(this::emptyOutbox);
        } catch (RejectedExecutionException e) {
            // The event loop has shut down, and the channel with it: nothing can be sent any more.
        }
    }

    /** Hands the outbox to the channel, then flushes; runs on the event loop. */
    private void emptyOutbox() {
        while (true) {
            Object next;
            synchronized (outbox) {
                next = outbox.poll();
                if (next == null) {
                    sending = false;
                    break;
                }
                if (next instanceof TelnetMessage.Data data) {
                    outboxBytes -= data.length();
                }
            }
            if (next == CLOSE) {
                channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            } else {
                channel.write(next);
            }
        }
        channel.flush();
        writabilityChanged();
    }
}
