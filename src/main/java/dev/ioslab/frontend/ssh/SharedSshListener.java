package dev.ioslab.frontend.ssh;

import dev.ioslab.cli.ShellEndpoint;
import dev.ioslab.device.SshAlgorithms;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.server.SshServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH listener for a whole rack: a single MINA server whose connections are routed to devices by their local
 * (destination) address, so that 100,000 devices on 127.1.0.1, 127.1.0.2 … cost one listening socket. Every step of
 * a connection is the routed device's own: its host key ({@link KeyPairProvider#loadKeys(SessionContext)} sees the
 * session), users, banner, {@code transport input}, login rules, vty lines, shell, exec and SCP.
 *
 * <p>A connection to an address no device owns (or to a device that is reloading) is closed when it is accepted,
 * before the server's identification, so the client reads no byte at all; the router decides and logs.
 *
 * <p>Threading: {@link #start}, {@link #hangUp} and {@link #close} are called by daemon threads; the router and the
 * devices' host keys are called on the shared back end's I/O threads and must not block.
 */
public final class SharedSshListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedSshListener.class);

    private final InetSocketAddress bind;
    private final SshBackend backend;
    private final SshSettings settings;
    private final Function<InetAddress, Optional<SshDevice>> router;
    private SshServer server;
    private SshAlgorithms offered;

    /**
     * @param bind   where to listen (a wildcard address when the devices have different addresses)
     * @param router the device owning a connection's local address, or empty to refuse the connection
     */
    public SharedSshListener(InetSocketAddress bind, SshBackend backend, SshSettings settings,
                             Function<InetAddress, Optional<SshDevice>> router) {
        this.bind = Objects.requireNonNull(bind, "bind");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.router = Objects.requireNonNull(router, "router");
    }

    /**
     * Starts listening.
     *
     * @return the bound address (the real port when {@code bind} asked for port 0)
     * @throws IOException when the address cannot be bound
     */
    public synchronized InetSocketAddress start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("shared SSH listener is already started");
        }
        SshServer s = DeviceSshServer.build(bind, backend, settings, this::route, new RoutedHostKeys());
        // Devices in shared mode get ECDSA P-256 host keys when first reached; the lists are fitted to that type.
        offered = SshAlgorithmSetup.apply(s, settings.algorithms(), HostKeyFile.generate(), "the shared listener");
        try {
            s.start();
        } catch (IOException | RuntimeException e) {
            s.stop(true);
            throw new IOException("shared SSH listener cannot listen on " + bind.getHostString() + ":"
                    + bind.getPort() + ": " + e.getMessage(), e);
        }
        server = s;
        InetSocketAddress bound = boundAddress(s);
        LOG.info("Shared SSH listener on {}: devices are chosen by destination address", bound);
        return bound;
    }

    /** The algorithms the listener offers (for {@code show ip ssh}); only after {@link #start()}. */
    public synchronized SshAlgorithms offeredAlgorithms() {
        if (offered == null) {
            throw new IllegalStateException("shared SSH listener is not started");
        }
        return offered;
    }

    private Optional<SshDevice> route(IoSession io) {
        SocketAddress local = io.getLocalAddress();
        return local instanceof InetSocketAddress inet && inet.getAddress() != null
                ? router.apply(inet.getAddress()) : Optional.empty();
    }

    /** Closes every SSH connection to {@code device} (its reload); the other devices' connections stay. */
    public void hangUp(ShellEndpoint device) {
        List<AbstractSession> sessions;
        synchronized (this) {
            sessions = server == null ? List.of() : List.copyOf(server.getActiveSessions());
        }
        for (AbstractSession session : sessions) {
            Object routed = session.getIoSession().getAttribute(SshDevice.ATTRIBUTE);
            if (routed instanceof SshDevice d && d.endpoint() == device) {
                session.close(true);
            }
        }
    }

    /** Stops listening and closes every connection; the shared back end keeps running. Idempotent. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.stop(true);
            LOG.info("Shared SSH listener stopped");
        } catch (IOException e) {
            LOG.warn("Shared SSH listener did not stop cleanly: {}", e.toString());
        } finally {
            server = null;
        }
    }

    private InetSocketAddress boundAddress(SshServer s) {
        for (SocketAddress address : s.getBoundAddresses()) {
            if (address instanceof InetSocketAddress inet) {
                return inet;
            }
        }
        return new InetSocketAddress(bind.getAddress(), s.getPort());
    }

    /** The host key of the session's device; MINA asks during each key exchange, on an I/O thread. */
    private static final class RoutedHostKeys implements KeyPairProvider {

        @Override
        public Iterable<KeyPair> loadKeys(SessionContext session) throws IOException {
            if (!(session instanceof Session s)) {
                return List.of();
            }
            return List.of(SshDevice.of(s).hostKey().hostKey());
        }
    }
}
