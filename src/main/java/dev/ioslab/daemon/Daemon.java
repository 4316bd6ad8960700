package dev.ioslab.daemon;

import dev.ioslab.cli.CommandCatalog;
import dev.ioslab.cli.DeviceShell;
import dev.ioslab.commands.CommandSets;
import dev.ioslab.config.ControlSettings;
import dev.ioslab.config.DeviceSpec;
import dev.ioslab.config.ImageRepositorySettings;
import dev.ioslab.config.IoslabConfig;
import dev.ioslab.config.SshAlgorithmSettings;
import dev.ioslab.config.TransferDefaults;
import dev.ioslab.control.ControlServer;
import dev.ioslab.control.DeviceRoutes;
import dev.ioslab.control.DurationHistogram;
import dev.ioslab.control.EventCounters;
import dev.ioslab.control.EventLog;
import dev.ioslab.control.EventRoutes;
import dev.ioslab.control.FaultPlans;
import dev.ioslab.control.FaultRoutes;
import dev.ioslab.control.FaultSeams;
import dev.ioslab.control.FaultView;
import dev.ioslab.control.Metrics;
import dev.ioslab.control.MetricsRoutes;
import dev.ioslab.control.OpenApiRoute;
import dev.ioslab.control.RackView;
import dev.ioslab.control.Routes;
import dev.ioslab.device.DeviceEvent;
import dev.ioslab.frontend.admission.ConnectionAdmission;
import dev.ioslab.frontend.ssh.SshAlgorithmLists;
import dev.ioslab.frontend.ssh.SshBackend;
import dev.ioslab.frontend.ssh.SshSettings;
import dev.ioslab.frontend.telnet.TelnetSettings;
import dev.ioslab.fs.UrlScheme;
import dev.ioslab.image.LabPki;
import dev.ioslab.image.VerificationPool;
import dev.ioslab.imageserver.ftp.FtpImageServer;
import dev.ioslab.imageserver.ftp.PassivePortRange;
import dev.ioslab.imageserver.ftp.UploadUser;
import dev.ioslab.imageserver.tftp.TftpServer;
import dev.ioslab.transfer.FaultyTransferClient;
import dev.ioslab.transfer.TransferFaults;
import dev.ioslab.transfer.TransferService;
import dev.ioslab.transfer.TransferSettings;
import dev.ioslab.transfer.ftp.FtpClient;
import dev.ioslab.transfer.tftp.TftpClient;
import dev.ioslab.transfer.tftp.TftpEventLoops;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every piece by constructor from the configuration, starts the rack (all devices
 * and their listeners, or none: if one listener cannot bind, everything started is stopped again) and stops it in
 * reverse order. Threading: {@link #start} and {@link #close} are called by the main thread and the shutdown hook.
 */
public final class Daemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** Devices brought up at once; start-up waits mostly on the disk, so more than the cores helps. */
    /** TFTP transfers the image repository serves at once; more are answered "Server busy". */
    private static final int TFTP_TRANSFERS = 256;
    private static final int STARTER_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final IoslabConfig config;
    private final Path baseDir;
    private final Clock clock;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<DeviceEndpoints> endpoints = new ArrayList<>();
    private final List<Listener> repositoryListeners = new ArrayList<>();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    /** The devices' TFTP client transfers, apart from the shared loops (see {@link TftpEventLoops}). */
    private EventLoopGroup tftpLoops;
    private ExecutorService fileIo;
    private SshBackend sshBackend;
    private ScheduledExecutorService idleTimer;
    /** Devices' listener stops and boots, one at a time (see DeviceEndpoints). */
    private ExecutorService lifecycle;
    private VerificationPool verificationPool;
    private final FaultPlans faultPlans;
    // ---- events and metrics (issue 13, helper "events") -------------------------------------------------------
    private final EventLog eventLog;
    private final EventCounters eventCounters = new EventCounters();
    private final DurationHistogram verificationDurations = new DurationHistogram();
    private ExecutorService eventReplay;
    private RackLifecycle rack;
    private Routes apiRoutes;
    private Routes rootRoutes;
    private InetSocketAddress controlAddress;

    /** A listener that is up: which device, which protocol, where. */
    public record Listener(String device, String protocol, InetSocketAddress address) {
    }

    public Daemon(IoslabConfig config, Path baseDir, Clock clock) {
        this.config = config;
        this.baseDir = baseDir;
        this.clock = clock;
        this.eventLog = new EventLog(clock, EventLog.DEFAULT_CAPACITY);
        eventLog.addListener(eventCounters);
        this.faultPlans = new FaultPlans(clock, new Random(), (device, fault, detail) -> eventLog.publish(device,
                new DeviceEvent.FaultFired(fault.id(), fault.spec().type().kind().label(), fault.spec().type().label(),
                        detail)));
    }

    /** The daemon's event log: every device publishes to it (issue 13). */
    public EventLog eventLog() {
        return eventLog;
    }

    /**
     * Adds the event routes to {@code api} and {@code GET /metrics} to {@code root}; call after {@link #start}.
     *
     * @param devicesByState device count per lifecycle state, read at each scrape
     */
    public synchronized void registerEventRoutes(Routes api, Routes root, RackView rack,
                                                 Supplier<Map<String, Long>> devicesByState) {
        VerificationPool pool = verificationPool;
        new EventRoutes(eventLog, rack, eventReplay).register(api);
        new MetricsRoutes(new Metrics(rack, devicesByState, pool::stats, verificationDurations, eventCounters,
                eventLog)).register(root);
    }

    /** Starts every device and listener; on failure stops what was started and throws. */
    public synchronized void start() throws IOException {
        requireTokenOffLoopback(config.control());
        long t0 = System.nanoTime();
        boss = new NioEventLoopGroup(1, new DefaultThreadFactory("ioslab-accept", true));
        workers = new NioEventLoopGroup(config.daemon().ioThreads(), new DefaultThreadFactory("ioslab-io", true));
        tftpLoops = TftpEventLoops.create(1, new DefaultThreadFactory("ioslab-tftp", true));
        fileIo = Executors.newFixedThreadPool(2, new DefaultThreadFactory("ioslab-file-io", true));
        verificationPool = new VerificationPool(config.daemon().verificationPoolSize(), verificationDurations);
        eventReplay = Executors.newSingleThreadExecutor(new DefaultThreadFactory("ioslab-events", true));
        // ---- fault plans (control API): the seams of transfer, fs, cli and boot consult them ----
        FaultSeams faultSeams = new FaultSeams(faultPlans);
        CommandCatalog catalog = CommandSets.standard(fileIo, verificationPool,
                transferService(workers, tftpLoops, faultSeams),
                transferSettings(config.transfers()));
        Path stateDir = baseDir.resolve(config.daemon().stateDir());
        idleTimer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("ioslab-idle", true));
        lifecycle = Executors.newSingleThreadExecutor(new DefaultThreadFactory("ioslab-lifecycle", true));
        // First run: the lab keys and the signed sample images the devices boot and the workflow uses.
        LabPki pki;
        Path images = baseDir.resolve(config.imageRepository().directory());
        try {
            pki = LabPki.createOrLoad(stateDir.resolve("pki"));
            LabImages.prepare(pki, images, config.imageRepository().sampleImageBytes());
        } catch (IOException | RuntimeException e) {
            close();
            throw new IOException("cannot prepare the lab keys and images: " + e.getMessage(), e);
        }
        DeviceFactory factory = new DeviceFactory(stateDir.resolve("devices"), clock, catalog, idleTimer,
                pki.factoryKeys(), new BootLoader(verificationPool, LabImages.PLATFORM, faultSeams),
                images.resolve(LabImages.CURRENT),
                new DeviceFactory.DeviceSeams(faultSeams::storage, faultSeams, faultSeams, eventLog::forDevice));
        TelnetSettings telnet = new TelnetSettings(config.daemon().loginTimeout(), 3);
        ConnectionAdmission admission;
        try {
            // Shared listeners: the whole rack holds one SSH and one Telnet socket, as one device of its own does.
            int listenerPairs = config.daemon().sharedListeners().isPresent() ? 1 : config.devices().size();
            admission = AdmissionPlan.admission(config.daemon().connections(), listenerPairs, clock);
        } catch (IOException e) {
            close();
            throw e;
        }
        long logInterval = AdmissionPlan.LOG_INTERVAL.toMillis();
        idleTimer.scheduleAtFixedRate(admission.log()::flush, logInterval, logInterval, TimeUnit.MILLISECONDS);
        sshBackend = new SshBackend(config.daemon().ioThreads(), admission);
        SshSettings defaults = SshSettings.defaults();
        SshAlgorithmSettings algorithms = config.daemon().ssh();
        SshSettings ssh = new SshSettings(config.daemon().loginTimeout(), defaults.idleTimeout(),
                defaults.maxAuthTries(), defaults.failuresBeforeDelay(), defaults.failureDelay(),
                new SshAlgorithmLists(algorithms.kex(), algorithms.ciphers(), algorithms.macs(),
                        algorithms.hostKeyAlgorithms()));
        startImageRepository(config.imageRepository());
        // Devices come up in parallel: creating flash folders and host keys is mostly waiting on fsync. Each task
        // brings up one device completely or closes what it started; results are taken in configuration order.
        ExecutorService starters = Executors.newFixedThreadPool(STARTER_THREADS,
                new DefaultThreadFactory("ioslab-start", true));
        // Shared mode: devices attach as they boot; the two sockets bind once all of them are attached.
        AddressRoutedListeners shared = config.daemon().sharedListeners()
                .map(s -> new AddressRoutedListeners(s, sshBackend, ssh, boss, workers, telnet, admission, fileIo, clock))
                .orElse(null);
        DeviceEndpoints.Transports transports = new DeviceEndpoints.Transports(sshBackend, ssh, boss, workers, telnet,
                idleTimer, lifecycle, config.daemon().bootTime(), admission, shared);
        List<Future<DeviceEndpoints>> pending = new ArrayList<>();
        try {
            for (DeviceSpec spec : config.devices()) {
                pending.add(starters.submit(() -> startDevice(spec, factory, transports)));
            }
            Throwable failure = null;
            for (Future<DeviceEndpoints> f : pending) {
                try {
                    DeviceEndpoints d = f.get();
                    endpoints.add(d);
                    running.add(d);
                } catch (ExecutionException e) {
                    failure = failure == null ? (e.getCause() == null ? e : e.getCause()) : failure;
                }
            }
            if (failure != null) {
                close();
                if (failure instanceof IOException io) {
                    throw io;
                }
                throw new IOException(failure.getMessage(), failure);
            }
            if (shared != null) {
                // Closed first at stop (running is closed in reverse), so no connection reaches a stopped device.
                running.add(shared);
                try {
                    shared.start();
                } catch (IOException | RuntimeException e) {
                    close();
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            starters.shutdownNow();
            close();
            throw new IOException("interrupted while starting", e);
        } finally {
            starters.shutdown();
        }
        startControl(factory);
        LOG.info("{} devices started in {} ms", endpoints.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    // ---- Lab control API (issue 13): routes and server. The fault and event helpers register their routes here. ----

    /**
     * Starts the control API when configured: the device routes, the OpenAPI document and the server. Refuses a
     * non-loopback address without a token (the loader already does; this keeps configurations built in code honest).
     */
    private void startControl(DeviceFactory factory) throws IOException {
        ControlSettings control = config.control();
        if (!control.enabled()) {
            return;
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(control.address()), control.port());
        rack = new RackLifecycle(List.copyOf(endpoints), factory, fileIo);
        Function<String, List<?>> activeFaults = name -> faultPlans.active(name).stream().map(FaultView::toJson)
                .toList();
        Routes api = new Routes();
        Routes root = new Routes();
        new DeviceRoutes(rack, rack, activeFaults, fileIo).register(api);
        new FaultRoutes(faultPlans, rack).register(api);
        new OpenApiRoute().register(api);
        registerEventRoutes(api, root, rack, rack::devicesByState);
        apiRoutes = api;
        rootRoutes = root;
        ControlServer server = new ControlServer(address, control.token(), api, root, boss, workers);
        running.add(server);
        try {
            controlAddress = server.start().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("control API cannot listen on " + control.address() + ":" + control.port() + ": "
                    + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while starting the control API", e);
        }
    }

    /** The control API is never open to the network without a token: refused before anything starts. */
    private static void requireTokenOffLoopback(ControlSettings control) throws IOException {
        if (control.enabled() && control.token().isEmpty()
                && !InetAddress.getByName(control.address()).isLoopbackAddress()) {
            throw new IOException("control API on " + control.address() + " is not on a loopback address and has no "
                    + "token; set control.token or control.address: 127.0.0.1");
        }
    }

    /** Where the control API listens, when it runs. */
    public synchronized Optional<InetSocketAddress> controlAddress() {
        return Optional.ofNullable(controlAddress);
    }

    /** The control API's routes below {@code /api/v1} and at the root (empty before start or when it is off). */
    synchronized List<Routes> controlRoutes() {
        return apiRoutes == null ? List.of() : List.of(apiRoutes, rootRoutes);
    }

    /** The rack's devices and power switch as the control API sees them (empty before start or when it is off). */
    synchronized Optional<RackLifecycle> rack() {
        return Optional.ofNullable(rack);
    }

    /**
     * The embedded FTP (and TFTP) servers over the image directory, when enabled; a bind failure stops the start like
     * a device listener's.
     */
    private void startImageRepository(ImageRepositorySettings repository) throws IOException {
        if (!repository.enabled()) {
            return;
        }
        Path directory = baseDir.resolve(repository.directory());
        List<UploadUser> users = repository.ftpUsers().stream()
                .map(u -> new UploadUser(u.name(), u.password())).toList();
        FtpImageServer ftp = new FtpImageServer(new InetSocketAddress(repository.address(), repository.ftpPort()),
                directory, users, new PassivePortRange(repository.ftpPassiveFirst(), repository.ftpPassiveLast()));
        if (repository.tftpUploads()) {
            Files.createDirectories(directory.resolve(FtpImageServer.UPLOAD_FOLDER));
        }
        TftpServer tftp = new TftpServer(new InetSocketAddress(repository.address(), repository.tftpPort()),
                directory, repository.tftpUploads() ? Optional.of(directory.resolve(FtpImageServer.UPLOAD_FOLDER))
                : Optional.empty(), workers, TFTP_TRANSFERS, fileIo);
        running.add(ftp);
        running.add(tftp::close);
        try {
            repositoryListeners.add(new Listener("image-repository", "ftp", ftp.start()));
            repositoryListeners.add(new Listener("image-repository", "tftp", tftp.start().get()));
        } catch (IOException e) {
            close();
            throw e;
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("TFTP image repository cannot listen on " + repository.address() + ":"
                    + repository.tftpPort() + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while starting the image repository", e);
        }
    }

    /**
     * The devices' own clients, one per scheme: FTP on the shared network loops, TFTP on its own; each consults the
     * transfer fault plans, with its fault timers on its own loops.
     */
    private static TransferService transferService(EventLoopGroup loops, EventLoopGroup tftpLoops,
                                                   TransferFaults faults) {
        return new TransferService(Map.of(
                UrlScheme.FTP, new FaultyTransferClient(new FtpClient(loops), "ftp", faults, loops),
                UrlScheme.TFTP, new FaultyTransferClient(new TftpClient(tftpLoops), "tftp", faults, tftpLoops)));
    }

    /** The rack's fault plans (the control API adds, lists and removes them; the seams consult them). */
    public FaultPlans faultPlans() {
        return faultPlans;
    }

    private static TransferSettings transferSettings(TransferDefaults t) {
        return new TransferSettings(t.connectTimeout(), t.replyTimeout(), t.idleTimeout(), t.tftpRetries(), true,
                TransferSettings.DEFAULT_BLOCK_SIZE, t.tftpWindowSize());
    }

    private DeviceEndpoints startDevice(DeviceSpec spec, DeviceFactory factory,
                                        DeviceEndpoints.Transports transports)
            throws IOException, InterruptedException {
        DeviceEndpoints endpoints = new DeviceEndpoints(spec, factory.create(spec), factory, transports);
        endpoints.start();
        return endpoints;
    }

    /** Where every device listens. */
    public synchronized List<Listener> listeners() {
        return endpoints.stream().flatMap(e -> e.listeners().stream()).toList();
    }

    /** Where the image repository's servers listen (device name {@code image-repository}). */
    public synchronized List<Listener> repositoryListeners() {
        return List.copyOf(repositoryListeners);
    }

    public synchronized List<DeviceShell> devices() {
        return endpoints.stream().map(DeviceEndpoints::shell).toList();
    }

    /** Stops listeners (closing their sessions), then the shared threads. Idempotent. */
    @Override
    public synchronized void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}", running.get(i), e);
            }
        }
        running.clear();
        endpoints.clear();
        controlAddress = null;
        rack = null;
        repositoryListeners.clear();
        if (sshBackend != null) {
            sshBackend.close();
            sshBackend = null;
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            workers = null;
        }
        if (tftpLoops != null) {
            tftpLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            tftpLoops = null;
        }
        if (idleTimer != null) {
            idleTimer.shutdownNow();
            idleTimer = null;
        }
        if (lifecycle != null) {
            lifecycle.shutdownNow();
            lifecycle = null;
        }
        if (verificationPool != null) {
            verificationPool.close();
            verificationPool = null;
        }
        if (eventReplay != null) {
            eventReplay.shutdownNow();
            eventReplay = null;
        }
        if (fileIo != null) {
            fileIo.shutdown();
            try {
                fileIo.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            fileIo = null;
        }
    }
}
