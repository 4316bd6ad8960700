package dev.ioslab.frontend.telnet;

import dev.ioslab.frontend.admission.AdmissionTicket;
import dev.ioslab.frontend.admission.ConnectionAdmission;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Sits on a Telnet listener's own pipeline and sees each accepted connection before it is registered with an event
 * loop: a connection the daemon's {@link ConnectionAdmission} refuses is closed there and then, without a byte sent
 * and without costing a worker thread anything; an admitted one carries its {@link AdmissionTicket} (released when
 * the channel closes) and {@link TelnetSession} reports its login through {@link #loggedIn(Channel)}.
 *
 * <p>Threading: runs on the accepting event loop; shared by all listeners; never blocks.
 */
@ChannelHandler.Sharable
final class AdmissionGate extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<AdmissionTicket> TICKET = AttributeKey.valueOf(AdmissionGate.class, "ticket");

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
            child.closeFuture().addListener(closed -> ticket.get().release());
        }
        context.fireChannelRead(message);
    }

    /** The connection on {@code channel} has logged in (no effect on a channel the gate did not admit). */
    static void loggedIn(Channel channel) {
        AdmissionTicket ticket = channel.attr(TICKET).get();
        if (ticket != null) {
            ticket.loggedIn();
        }
    }
}
