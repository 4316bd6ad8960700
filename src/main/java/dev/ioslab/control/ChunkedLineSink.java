package dev.ioslab.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streaming response's sink: each line is one HTTP chunk. When the client reads more slowly than lines come (its
 * connection's outbound buffer is above the high-water mark) the line is dropped and counted, never queued without
 * bound and never waited for; only a sender that may block (a replay on its own thread) waits for room with
 * {@link #awaitWritable}. Threading: {@link #send} from any thread; close actions run once, on the channel's event
 * loop.
 */
final class ChunkedLineSink implements ApiResponse.LineSink {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkedLineSink.class);

    private final Channel channel;
    private final ObjectMapper json;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final AtomicLong dropped = new AtomicLong();
    private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();
    /** Where {@link #awaitWritable} waits; notified when the channel's writability changes or it closes. */
    private final Object room = new Object();

    ChunkedLineSink(Channel channel, ObjectMapper json) {
        this.channel = channel;
        this.json = json;
        channel.closeFuture().addListener(f -> closed());
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                wakeWaiters();
                ctx.fireChannelWritabilityChanged();
            }
        });
    }

    @Override
    public boolean awaitWritable(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (room) {
            while (isOpen() && !channel.isWritable()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(room, left);
            }
        }
        return isOpen();
    }

    private void wakeWaiters() {
        synchronized (room) {
            room.notifyAll();
        }
    }

    @Override
    public boolean send(Object jsonDocument) {
        if (!open.get() || !channel.isActive()) {
            return false;
        }
        if (!channel.isWritable()) {
            dropped.incrementAndGet();
            return false;
        }
        byte[] line;
        try {
            line = json.writeValueAsBytes(jsonDocument);
        } catch (JsonProcessingException e) {
            LOG.warn("event could not be serialised", e);
            return false;
        }
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(line, new byte[] {'\n'})),
                channel.voidPromise());
        return true;
    }

    @Override
    public boolean isOpen() {
        return open.get() && channel.isActive();
    }

    @Override
    public void onClose(Runnable action) {
        closeActions.add(action);
        if (!open.get() && closeActions.remove(action)) {
            action.run();
        }
    }

    /** Lines dropped because the client was too slow. */
    long dropped() {
        return dropped.get();
    }

    private void closed() {
        if (open.compareAndSet(true, false)) {
            wakeWaiters();
            for (Runnable action : closeActions) {
                closeActions.remove(action);
                action.run();
            }
            if (dropped.get() > 0) {
                LOG.info("event stream to {} closed; {} lines dropped for a slow reader", channel.remoteAddress(),
                        dropped.get());
            }
        }
    }
}
