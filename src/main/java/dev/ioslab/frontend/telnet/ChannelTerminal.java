package dev.ioslab.frontend.telnet;

import dev.ioslab.cli.Terminal;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link Terminal} a Telnet shell session writes to. Text becomes a {@link TelnetMessage.Data} (one byte per char,
 * ISO-8859-1) that {@link TelnetEncoder} escapes. Thread-safe and non-blocking: Netty queues writes made off the event
 * loop and keeps their order, so {@link #close()} closes only after everything written before it has been flushed.
 */
final class ChannelTerminal implements Terminal {

    private final Channel channel;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Runnable> drained = new ArrayList<>();

    ChannelTerminal(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void write(String text) {
        if (!text.isEmpty()) {
            channel.writeAndFlush(TelnetMessage.Data.of(text));
        }
    }

    /** Netty's own measure: the outbound buffer is over its high-water mark (64 KiB). */
    @Override
    public boolean backlogged() {
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

    /** Called by the session handler when the channel's writability changes. */
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
        if (closed.compareAndSet(false, true)) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
