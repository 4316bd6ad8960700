package dev.ioslab.frontend.ssh;

import dev.ioslab.cli.ShellEndpoint;
import dev.ioslab.device.SshAlgorithms;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.server.SshServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSH listener of one device: an Apache MINA SSHD server on the device's address, authenticating against the
 * device's local users and serving shell and exec channels from its CLI.
 *
 * <p>The server identifies itself as IOS does ({@code SSH-2.0-Cisco-1.25}), keeps its RSA host key in
 * {@code hostKeyFile} across restarts, offers public-key, password and keyboard-interactive authentication and the
 * configured algorithm lists ({@link SshAlgorithmSetup}: by default ECDH/Curve25519/ML-KEM/DH-group14-sha256 key
 * exchange, AES-CTR/GCM ciphers, HMAC-SHA2 MACs), which covers paramiko 2.x as well as current
 * OpenSSH. Forwarding, agents and subsystems are refused. I/O threads and timers come from the shared
 * {@link SshBackend}.
 *
 * <p>Threading: {@link #start()} and {@link #close()} are called by the daemon's lifecycle thread; sessions run on
 * the back end's threads.
 */
public final class SshServerFrontend implements AutoCloseable {

    /** What IOS 15 announces; some tools log it, none should see "SSHD-CORE". */
    static final String SERVER_IDENTIFICATION = "Cisco-1.25";

    private static final Logger LOG = LoggerFactory.getLogger(SshServerFrontend.class);

    private final ShellEndpoint endpoint;
    private final InetSocketAddress bind;
    private final Path hostKeyFile;
    private final SshBackend backend;
    private final SshSettings settings;
    private final List<ExecCommandHandler> execHandlers;
    private SshServer server;
    private String fingerprint;
    private SshAlgorithms offered;

    /** A device server whose exec requests all go to the CLI. */
    public SshServerFrontend(ShellEndpoint endpoint, InetSocketAddress bind, Path hostKeyFile, SshBackend backend,
                             SshSettings settings) {
        this(endpoint, bind, hostKeyFile, backend, settings, List.of());
    }

    /**
     * A device server whose exec requests are first offered to {@code execHandlers} in order (e.g. the SCP server
     * claiming {@code scp -t …}); lines nobody claims run on the CLI.
     */
    public SshServerFrontend(ShellEndpoint endpoint, InetSocketAddress bind, Path hostKeyFile, SshBackend backend,
                             SshSettings settings, List<ExecCommandHandler> execHandlers) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.bind = Objects.requireNonNull(bind, "bind");
        this.hostKeyFile = Objects.requireNonNull(hostKeyFile, "hostKeyFile");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.execHandlers = List.copyOf(execHandlers);
    }

    /**
     * Loads or creates the host key and starts listening.
     *
     * @return the bound address (the real port when {@code bind} asked for port 0)
     * @throws IOException when the host key cannot be read or written, or the address cannot be bound; the message
     *                     names the device and the address
     */
    public synchronized InetSocketAddress start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("SSH server for " + endpoint.deviceName() + " is already started");
        }
        KeyPair hostKey = HostKeyFile.loadOrCreate(hostKeyFile, endpoint.deviceName());
        SshDevice device = new SshDevice(endpoint, () -> hostKey, execHandlers);
        SshServer s = DeviceSshServer.build(bind, backend, settings, io -> Optional.of(device),
                KeyPairProvider.wrap(hostKey));
        SshAlgorithms offers = SshAlgorithmSetup.apply(s, settings.algorithms(), hostKey, endpoint.deviceName());

        try {
            s.start();
        } catch (IOException | RuntimeException e) {
            s.stop(true);
            throw new IOException("SSH server for " + endpoint.deviceName() + " cannot listen on "
                    + bind.getHostString() + ":" + bind.getPort() + ": " + e.getMessage(), e);
        }
        server = s;
        offered = offers;
        fingerprint = KeyUtils.getFingerPrint(hostKey.getPublic());
        InetSocketAddress bound = boundAddress(s);
        LOG.info("SSH server for {} listening on {} (host key {})", endpoint.deviceName(), bound, fingerprint);
        return bound;
    }

    /** SHA-256 fingerprint of the host key as OpenSSH prints it ({@code SHA256:…}); only after {@link #start()}. */
    public synchronized String hostKeyFingerprint() {
        if (fingerprint == null) {
            throw new IllegalStateException("SSH server for " + endpoint.deviceName() + " is not started");
        }
        return fingerprint;
    }

    /** The algorithms the server offers (for {@code show ip ssh}); only after {@link #start()}. */
    public synchronized SshAlgorithms offeredAlgorithms() {
        if (offered == null) {
            throw new IllegalStateException("SSH server for " + endpoint.deviceName() + " is not started");
        }
        return offered;
    }

    /** Stops listening and closes this device's sessions; the shared back end keeps running. Idempotent. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.stop(true);
            LOG.info("SSH server for {} stopped", endpoint.deviceName());
        } catch (IOException e) {
            LOG.warn("SSH server for {} did not stop cleanly: {}", endpoint.deviceName(), e.toString());
        } finally {
            server = null;
        }
    }

    /** The sessions open now (a test seam: their sockets' options are checked through it). */
    synchronized List<AbstractSession> activeSessions() {
        return server == null ? List.of() : List.copyOf(server.getActiveSessions());
    }

    private InetSocketAddress boundAddress(SshServer s) {
        for (SocketAddress address : s.getBoundAddresses()) {
            if (address instanceof InetSocketAddress inet) {
                return inet;
            }
        }
        return new InetSocketAddress(bind.getAddress(), s.getPort());
    }
}
