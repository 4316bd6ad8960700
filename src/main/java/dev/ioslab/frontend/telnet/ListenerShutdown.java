package dev.ioslab.frontend.telnet;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.ChannelGroupFuture;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a Telnet listening socket and its connections, as a device's own listener and the shared one both do: both
 * closes start at once, then the caller waits (at most {@value #CLOSE_WAIT_SECONDS} s each) for them to finish,
 * unless it runs on one of the event loops, where waiting for a close that loop must carry out would deadlock.
 * Stateless.
 */
final class ListenerShutdown {

    private static final long CLOSE_WAIT_SECONDS = 10;

    private ListenerShutdown() {
    }

    /**
     * Closes {@code listener} (may be null: never bound) and {@code sessions}; true when it waited for both, false on
     * an event loop, where the closes finish after it returns.
     */
    static boolean close(Channel listener, ChannelGroup sessions, EventLoopGroup boss, EventLoopGroup workers) {
        ChannelFuture listenerClosed = listener == null ? null : listener.close();
        ChannelGroupFuture sessionsClosed = sessions.close();
        if (inEventLoopOf(boss) || inEventLoopOf(workers)) {
            return false;
        }
        if (listenerClosed != null) {
            listenerClosed.awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        sessionsClosed.awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        return true;
    }

    private static boolean inEventLoopOf(EventLoopGroup group) {
        for (EventExecutor executor : group) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }
}
