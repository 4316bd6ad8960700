package dev.ioslab.imageserver.ftp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.command.CommandFactoryFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.Ftplet;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded FTP image repository: Apache MINA FtpServer serving one folder (the daemon's {@code var/images}) so
 * that {@code copy ftp://127.0.0.1:2121/<image> flash0:} works with no other server.
 *
 * <ul>
 *   <li>{@code anonymous}, with any password, reads the whole folder; each {@link UploadUser} reads it too and may
 *       store files only under {@value #UPLOAD_FOLDER}{@code /} (created at start when there are upload users). An
 *       upload appears under its name only once complete.</li>
 *   <li>Nothing outside the folder can be reached: {@code ..} and absolute paths stop at the root (MINA), and so do
 *       symbolic links that point out of it ({@link RootBoundary}).</li>
 *   <li>Passive data connections ({@code PASV}, {@code EPSV}) use the configured {@link PassivePortRange} on the bind
 *       address (on a wildcard bind, the address the client reached); active ones ({@code PORT}, {@code EPRT}) may
 *       only go back to the client's own address (no FTP bounce).</li>
 *   <li>{@link FtpServerLimits} bound connections, logins, failed logins, idle and stalled connections.</li>
 *   <li>Each transfer is logged at INFO by {@code dev.ioslab.imageserver.ftp.TransferLogFtplet}; MINA's own loggers
 *       ({@code org.apache.ftpserver}, {@code org.apache.mina}) are meant to stay at WARN.</li>
 * </ul>
 *
 * <p>Threading: MINA FtpServer brings its own threads, bounded and independent of the number of devices: one
 * acceptor, one I/O processor per available processor (created as sessions need them), at most
 * {@link FtpServerLimits#workerThreads()} workers that run commands and move file data with blocking I/O (they end
 * after 30 s without work), and one watchdog thread of this class. {@link #start()} and {@link #close()} may be
 * called from any thread; they are synchronized.
 */
public final class FtpImageServer implements AutoCloseable {

    /** The folder under the root where upload users may write. */
    public static final String UPLOAD_FOLDER = "upload";

    private static final Logger LOG = LoggerFactory.getLogger(FtpImageServer.class);
    private static final String LISTENER = "default";

    private final InetSocketAddress bind;
    private final Path root;
    private final List<UploadUser> users;
    private final PassivePortRange passivePorts;
    private final FtpServerLimits limits;
    private final LongSupplier nanoClock = System::nanoTime;
    private FtpServer server;
    private StalledTransferWatchdog watchdog;
    private InetSocketAddress bound;
    private boolean closed;

    /**
     * A server for {@code root}; nothing happens until {@link #start()}.
     *
     * @param bind         address and port of the control connection (port 0: any free port)
     * @param root         the folder to serve; created when absent
     * @param users        accounts that may upload (may be empty: then only {@code anonymous} can log in)
     * @param passivePorts ports for passive data connections
     * @param limits       caps and timeouts
     */
    public FtpImageServer(InetSocketAddress bind, Path root, List<UploadUser> users, PassivePortRange passivePorts,
                          FtpServerLimits limits) {
        this.bind = Objects.requireNonNull(bind, "bind");
        if (bind.isUnresolved()) {
            throw new IllegalArgumentException("the FTP image repository needs an IP address to listen on, not "
                    + bind.getHostString());
        }
        this.root = Objects.requireNonNull(root, "root");
        this.users = List.copyOf(users);
        this.passivePorts = Objects.requireNonNull(passivePorts, "passivePorts");
        this.limits = Objects.requireNonNull(limits, "limits");
        Set<String> names = new HashSet<>();
        for (UploadUser user : this.users) {
            if (!names.add(user.name())) {
                throw new IllegalArgumentException("FTP user " + user.name() + " is configured twice");
            }
        }
    }

    /** A server with {@link FtpServerLimits#defaults()}. */
    public FtpImageServer(InetSocketAddress bind, Path root, List<UploadUser> users, PassivePortRange passivePorts) {
        this(bind, root, users, passivePorts, FtpServerLimits.defaults());
    }

    /**
     * Prepares the folder (creates it and {@value #UPLOAD_FOLDER}{@code /} when needed, removes temporary files of
     * uploads a crash interrupted) and starts listening.
     *
     * @return the address the control connection listens on (with the real port when 0 was asked)
     * @throws IOException when the folder cannot be prepared, or the address cannot be bound: the message then
     *                     names the address and port, e.g. {@code FTP image repository cannot listen on
     *                     127.0.0.1:2121: Address already in use}
     */
    public synchronized InetSocketAddress start() throws IOException {
        if (closed || server != null) {
            throw new IllegalStateException("the FTP image repository was already started");
        }
        RootBoundary boundary = prepareRoot();
        StalledTransferWatchdog stalled = new StalledTransferWatchdog(limits.idleTimeout(), nanoClock);
        Listener listener = listener();
        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener(LISTENER, listener);
        factory.setConnectionConfig(connectionConfig());
        factory.setUserManager(new ImageUserDirectory(boundary.root(), users));
        factory.setFileSystem(new RootedFileSystemFactory(boundary, nanoClock));
        Map<String, Ftplet> ftplets = new LinkedHashMap<>();
        ftplets.put("connections", new ConnectionCapFtplet(limits.maxConnections()));
        ftplets.put("transfers", new TransferLogFtplet(stalled));
        factory.setFtplets(ftplets);
        CommandFactoryFactory commands = new CommandFactoryFactory();
        commands.addCommand("STOR", UploadCommand.stor());
        commands.addCommand("STOU", UploadCommand.stou());
        commands.addCommand("APPE", UploadCommand.appe());
        factory.setCommandFactory(commands.createCommandFactory());
        FtpServer created = factory.createServer();
        try {
            created.start();
        } catch (FtpException | RuntimeException failure) {
            created.stop();
            throw new IOException("FTP image repository cannot listen on " + bind.getAddress().getHostAddress() + ":"
                    + bind.getPort() + ": " + rootMessage(failure), failure);
        }
        stalled.start();
        server = created;
        watchdog = stalled;
        bound = new InetSocketAddress(bind.getAddress(), listener.getPort());
        if (passivePorts.size() > 0 && passivePorts.size() < limits.maxLogins()) {
            LOG.warn("FTP image repository: {} passive ports for up to {} logins; some PASV may be refused",
                    passivePorts.size(), limits.maxLogins());
        }
        LOG.info("FTP image repository serving {} on {} (passive ports {}, {} upload user(s))", boundary.root(),
                bound, passivePorts, users.size());
        return bound;
    }

    /** The address listened on, once started. */
    public synchronized InetSocketAddress address() {
        if (bound == null) {
            throw new IllegalStateException("the FTP image repository is not started");
        }
        return bound;
    }

    /** The folder served. */
    public Path root() {
        return root;
    }

    /**
     * Stops listening, ends every session and transfer in progress (a partial upload is discarded) and stops the
     * threads. Idempotent.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (server == null) {
            return;
        }
        // Blocked transfers would keep MINA's workers (and its stop) waiting; cut their data connections first.
        watchdog.abortAll();
        server.stop();
        watchdog.close();
        server = null;
        LOG.info("FTP image repository on {} stopped", bound);
    }

    private RootBoundary prepareRoot() throws IOException {
        Files.createDirectories(root);
        RootBoundary boundary = new RootBoundary(root.toRealPath());
        if (!users.isEmpty()) {
            Path upload = boundary.root().resolve(UPLOAD_FOLDER);
            Files.createDirectories(upload);
            if (!boundary.contains(upload) || !Files.isDirectory(upload)) {
                throw new IOException("FTP image repository: " + upload + " must be a folder inside " + root);
            }
        }
        int leftovers = PendingUpload.removeLeftovers(boundary.root().resolve(UPLOAD_FOLDER));
        if (leftovers > 0) {
            LOG.info("FTP image repository: removed {} incomplete upload(s) left by an earlier run", leftovers);
        }
        return boundary;
    }

    private Listener listener() {
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassivePorts(passivePorts.minaNotation());
        if (!bind.getAddress().isAnyLocalAddress()) {
            // On a wildcard bind MINA uses the address the client reached, which is what PASV must announce.
            data.setPassiveAddress(bind.getAddress().getHostAddress());
            data.setPassiveExternalAddress(bind.getAddress().getHostAddress());
        }
        data.setActiveEnabled(true);
        // RFC 2577 (FTP security considerations): no PORT to a third host, no passive connection from one.
        data.setActiveIpCheck(true);
        data.setPassiveIpCheck(true);
        data.setActiveLocalPort(0);
        data.setIdleTime(limits.idleSeconds());
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress(bind.getAddress().getHostAddress());
        listener.setPort(bind.getPort());
        listener.setIdleTimeout(limits.idleSeconds());
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        return listener.createListener();
    }

    private org.apache.ftpserver.ConnectionConfig connectionConfig() {
        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setAnonymousLoginEnabled(true);
        connections.setMaxLogins(limits.maxLogins());
        connections.setMaxAnonymousLogins(limits.maxAnonymousLogins());
        connections.setMaxLoginFailures(limits.maxLoginFailures());
        connections.setLoginFailureDelay((int) limits.loginFailureDelay().toMillis());
        connections.setMaxThreads(limits.workerThreads());
        return connections.createConnectionConfig();
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
