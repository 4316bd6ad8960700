package dev.ioslab.frontend.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TelnetSession} on an {@link EmbeddedChannel} with the real codec in front: tests type bytes and read back
 * what the device sent, decoded into text and Telnet messages. Time only moves when the test advances it.
 */
final class SessionHarness {

    private final EmbeddedChannel channel;
    private final EmbeddedChannel outputDecoder = new EmbeddedChannel(new TelnetDecoder());
    private final StringBuilder text = new StringBuilder();
    private final List<TelnetMessage> controls = new ArrayList<>();

    SessionHarness(FakeShellEndpoint endpoint, TelnetSettings settings) {
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new TelnetDecoder(), new TelnetEncoder(), new TelnetSession(endpoint, settings));
        channel.pipeline().fireChannelActive();
    }

    SessionHarness(FakeShellEndpoint endpoint) {
        this(endpoint, TelnetSettings.IOS_DEFAULTS);
    }

    void type(String typed) {
        send(typed.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        channel.runPendingTasks();
    }

    void advanceTime(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runPendingTasks();
        channel.runScheduledPendingTasks();
    }

    /** Everything the device sent as text so far (Telnet commands removed). */
    String text() {
        collect();
        return text.toString();
    }

    /** Text sent since the last call to this method. */
    String newText() {
        String all = text();
        String fresh = all.substring(consumed);
        consumed = all.length();
        return fresh;
    }

    private int consumed;

    /** Negotiations, subnegotiations and commands the device sent, in order. */
    List<TelnetMessage> controls() {
        collect();
        return controls;
    }

    boolean isOpen() {
        channel.runPendingTasks();
        return channel.isOpen();
    }

    void close() {
        channel.close();
        channel.runPendingTasks();
    }

    private void collect() {
        channel.runPendingTasks();
        Object message;
        while ((message = channel.readOutbound()) != null) {
            ByteBuf buffer = (ByteBuf) message;
            outputDecoder.writeInbound(Unpooled.wrappedBuffer(ByteBufUtil.getBytes(buffer)));
            buffer.release();
        }
        while ((message = outputDecoder.readInbound()) != null) {
            if (message instanceof TelnetMessage.Data data) {
                text.append(new String(data.bytes(), StandardCharsets.ISO_8859_1));
            } else {
                controls.add((TelnetMessage) message);
            }
        }
    }
}
