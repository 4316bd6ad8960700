package dev.ioslab.frontend.telnet;

import dev.ioslab.frontend.admission.AdmissionTicket;
import dev.ioslab.frontend.admission.ConnectionAdmission;
import dev.ioslab.frontend.admission.ConnectionEvent;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sits on a Telnet listener's own pipeline and sees each accepted connection before it is registered with an event
 * loop: a connection the daemon's {@link ConnectionAdmission} refuses is closed there and then, without a byte sent
 * and without costing a worker thread anything; an admitted one carries its {@link AdmissionTicket} (released when
 * the channel closes) and {@link TelnetSession} reports its login through {@link #loggedIn(Channel)}. A failed accept
 * pauses accepting and is counted, not logged each time.
 *
 * <p>Threading: runs on the accepting event loop; shared by all listeners; never blocks.
 */
@ChannelHandler.Sharable
final class AdmissionGate extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<ConnectionAdmission> ADMISSION =
            AttributeKey.valueOf(AdmissionGate.class, "admission");
    private static final AttributeKey<AdmissionTicket> TICKET = AttributeKey.valueOf(AdmissionGate.class, "ticket");

    /** Netty's server bootstrap pauses a second as well. */
    static final long ACCEPT_PAUSE_MS = 1_000;

    private final ConnectionAdmission admission;

    AdmissionGate(ConnectionAdmission admission) {
        this.admission = admission;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof Channel child) {
            InetSocketAddress remote = child.remoteAddress() instanceof InetSocketAddress inet ? inet : null;
            Optional<AdmissionTicket> ticket = admission.admit("Telnet", remote, child.localAddress());
            if (ticket.isEmpty()) {
                // Not registered yet: closing the socket is all there is to do, and no byte has gone out.
                child.unsafe().closeForcibly();
                return;
            }
            child.attr(TICKET).set(ticket.get());
            child.attr(ADMISSION).set(admission);
            child.closeFuture().addListener(closed -> ticket.get().release());
        }
        context.fireChannelRead(message);
    }

    /**
     * An accept failed (EMFILE and the like). As Netty's own acceptor does, reading new connections pauses for
     * {@link #ACCEPT_PAUSE_MS} ms so the event loop does not spin; unlike it, the failure is counted in the summary log
     * instead of logging a WARN with a stack trace each time (the failure stops here).
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (!(cause instanceof IOException)) {
            context.fireExceptionCaught(cause);
            return;
        }
        admission.log().record(ConnectionEvent.ACCEPT_FAILED, "Telnet", null);
        ChannelConfig config = context.channel().config();
        if (config.isAutoRead()) {
            config.setAutoRead(false);
            context.channel().eventLoop().schedule(() -> config.setAutoRead(true), ACCEPT_PAUSE_MS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The connection on {@code channel} did not log in in time: counted in the summary log.
     *
     * @return false when the gate did not admit {@code channel} (the caller logs the timeout itself)
     */
    static boolean loginTimedOut(Channel channel) {
        ConnectionAdmission admitted = channel.attr(ADMISSION).get();
        if (admitted == null) {
            return false;
        }
        InetSocketAddress remote = channel.remoteAddress() instanceof InetSocketAddress inet ? inet : null;
        admitted.log().record(ConnectionEvent.LOGIN_TIMED_OUT, "Telnet", remote);
        return true;
    }

    /** The connection on {@code channel} has logged in (no effect on a channel the gate did not admit). */
    static void loggedIn(Channel channel) {
        AdmissionTicket ticket = channel.attr(TICKET).get();
        if (ticket != null) {
            ticket.loggedIn();
        }
    }
}
