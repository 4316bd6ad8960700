package dev.ioslab.frontend.ssh;

import dev.ioslab.frontend.admission.AdmissionTicket;
import dev.ioslab.frontend.admission.ConnectionAdmission;
import dev.ioslab.frontend.admission.ConnectionEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.common.util.Readable;

/**
 * The first handler of every accepted SSH connection, in front of the server's own: the connection must be admitted
 * by the daemon's {@link ConnectionAdmission} before the server sends its identification; a refused one is closed at
 * once and nothing else sees it. An admitted one holds its {@link AdmissionTicket} until it closes, and leaves the
 * not-logged-in counts when MINA reports it authenticated.
 *
 * <p>A connection the peer resets or breaks ({@link IOException}s that are not SSH protocol errors) is closed and
 * counted in the summary log here, at the source: MINA would log a WARN with a stack trace for each, which a flood
 * of resets turns into megabytes of log.
 *
 * <p>Threading: MINA calls it on its I/O threads; nothing blocks.
 */
final class AdmissionIoHandler implements IoHandler {

    private static final Object TICKET = new Object();
    private static final String PROTOCOL = "SSH";

    private final IoHandler server;
    private final ConnectionAdmission admission;

    AdmissionIoHandler(IoHandler server, ConnectionAdmission admission) {
        this.server = server;
        this.admission = admission;
    }

    @Override
    public void sessionCreated(IoSession ioSession) throws Exception {
        Optional<AdmissionTicket> ticket = admission.admit(PROTOCOL, remote(ioSession), ioSession.getLocalAddress());
        if (ticket.isEmpty()) {
            ioSession.close(true);
            return;
        }
        ioSession.setAttribute(TICKET, ticket.get());
        server.sessionCreated(ioSession);
        AbstractSession session = AbstractSession.getSession(ioSession, true);
        if (session != null) {
            session.addSessionListener(new LoginListener(ticket.get()));
        }
    }

    @Override
    public void sessionClosed(IoSession ioSession) throws Exception {
        if (ioSession.getAttribute(TICKET) instanceof AdmissionTicket ticket) {
            ticket.release();
            server.sessionClosed(ioSession);
        }
    }

    @Override
    public void exceptionCaught(IoSession ioSession, Throwable cause) throws Exception {
        if (!(ioSession.getAttribute(TICKET) instanceof AdmissionTicket)) {
            return;
        }
        if (cause instanceof IOException && !(cause instanceof SshException)) {
            admission.log().record(ConnectionEvent.RESET, PROTOCOL, remote(ioSession));
            ioSession.close(true);
            return;
        }
        server.exceptionCaught(ioSession, cause);
    }

    @Override
    public void messageReceived(IoSession ioSession, Readable message) throws Exception {
        if (ioSession.getAttribute(TICKET) instanceof AdmissionTicket) {
            server.messageReceived(ioSession, message);
        }
    }

    private static InetSocketAddress remote(IoSession ioSession) {
        return ioSession.getRemoteAddress() instanceof InetSocketAddress inet ? inet : null;
    }

    /** Moves the connection out of the not-logged-in counts when its user is authenticated. */
    private record LoginListener(AdmissionTicket ticket) implements SessionListener {

        @Override
        public void sessionEvent(Session session, Event event) {
            if (event == Event.Authenticated) {
                ticket.loggedIn();
            }
        }
    }
}
