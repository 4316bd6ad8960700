package dev.ioslab.frontend.ssh;

import dev.ioslab.cli.LineClaim;
import dev.ioslab.cli.ShellEndpoint;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.common.util.Readable;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerFactoryManager;
import org.apache.sshd.server.session.SessionFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MINA's session factory with two steps before it: every accepted SSH connection is first tied to its device (the
 * one device of a per-device server, or the device owning the connection's destination address on a shared
 * listener), then claims a vty line of that device, both before the server's identification and any authentication.
 * A connection no device takes is closed at once without a byte sent; the router logs it. When every line that allows SSH is busy the
 * connection is closed at once without a byte sent (OpenSSH reports {@code kex_exchange_identification: Connection
 * closed by remote host}), no SSH session is created, and the refusal is logged. The line is freed when the
 * connection closes; {@code clear line} on it closes the connection. The device's {@code ip ssh time-out} applies to
 * the connection when it is shorter than the daemon's login deadline.
 *
 * <p>Threading: MINA calls it on its I/O threads; nothing blocks.
 */
final class VtyLineSessionFactory extends SessionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(VtyLineSessionFactory.class);
    private static final Object LINE = new Object();
    /** Kept on a connection that was refused, so that MINA's later events for it go nowhere. */
    private static final Object REFUSED = new Object();

    private final Function<IoSession, Optional<SshDevice>> router;

    /** @param router the device of an accepted connection, or empty to close it unanswered */
    VtyLineSessionFactory(ServerFactoryManager server, Function<IoSession, Optional<SshDevice>> router) {
        super(server);
        this.router = router;
    }

    @Override
    public void sessionCreated(IoSession ioSession) throws Exception {
        InetSocketAddress remote = ioSession.getRemoteAddress() instanceof InetSocketAddress inet ? inet : null;
        Optional<SshDevice> device = router.apply(ioSession);
        if (device.isEmpty()) {
            ioSession.setAttribute(REFUSED, Boolean.TRUE);
            ioSession.close(true);
            return;
        }
        ioSession.setAttribute(SshDevice.ATTRIBUTE, device.get());
        ShellEndpoint endpoint = device.get().endpoint();
        Optional<LineClaim> claim = endpoint.claimLine("ssh", remote, () -> ioSession.close(true));
        if (claim.isEmpty()) {
            // The endpoint logs refusals, one line per interval at most (a flood must not flood the log).
            LOG.debug("{}: SSH connection from {} refused: no vty line takes it", endpoint.deviceName(), remote);
            ioSession.setAttribute(REFUSED, Boolean.TRUE);
            ioSession.close(true);
            return;
        }
        ioSession.setAttribute(LINE, claim.get());
        try {
            super.sessionCreated(ioSession);
        } catch (Exception | Error e) {
            claim.get().release();
            throw e;
        }
        AbstractSession session = AbstractSession.getSession(ioSession, true);
        if (session != null) {
            session.addSessionListener(new NegotiationRecorder(claim.get()));
        }
        // "ip ssh time-out" may shorten the daemon's login deadline (a flood defence), never lengthen it.
        Optional<Duration> timeOut = endpoint.sshTimeOut();
        if (session != null && timeOut.isPresent()) {
            Duration daemonLimit = CoreModuleProperties.AUTH_TIMEOUT.getRequired(session);
            if (timeOut.get().compareTo(daemonLimit) < 0) {
                CoreModuleProperties.AUTH_TIMEOUT.set(session, timeOut.get());
            }
        }
    }

    @Override
    public void sessionClosed(IoSession ioSession) throws Exception {
        if (ioSession.getAttribute(LINE) instanceof LineClaim line) {
            line.release();
        }
        if (ioSession.getAttribute(REFUSED) == null) {
            super.sessionClosed(ioSession);
        }
    }

    @Override
    public void exceptionCaught(IoSession ioSession, Throwable cause) throws Exception {
        if (ioSession.getAttribute(REFUSED) == null) {
            super.exceptionCaught(ioSession, cause);
        }
    }

    @Override
    public void messageReceived(IoSession ioSession, Readable message) throws Exception {
        if (ioSession.getAttribute(REFUSED) == null) {
            super.messageReceived(ioSession, message);
        }
    }

    /** Passes the algorithms of each completed key exchange on to the line, for {@code show ssh}. */
    private record NegotiationRecorder(LineClaim line) implements SessionListener {

        @Override
        public void sessionNegotiationEnd(Session session, Map<KexProposalOption, String> clientProposal,
                                          Map<KexProposalOption, String> serverProposal,
                                          Map<KexProposalOption, String> negotiated, Throwable reason) {
            if (reason == null && negotiated != null) {
                line.sshNegotiated(negotiated.get(KexProposalOption.C2SENC), negotiated.get(KexProposalOption.S2CENC),
                        negotiated.get(KexProposalOption.C2SMAC), negotiated.get(KexProposalOption.S2CMAC));
            }
        }
    }
}
