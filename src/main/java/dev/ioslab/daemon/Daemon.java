package dev.ioslab.daemon;

import dev.ioslab.cli.CommandCatalog;
import dev.ioslab.cli.DeviceShell;
import dev.ioslab.commands.CommandSets;
import dev.ioslab.config.DeviceSpec;
import dev.ioslab.config.ImageRepositorySettings;
import dev.ioslab.config.IoslabConfig;
import dev.ioslab.config.TransferDefaults;
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
import dev.ioslab.transfer.TransferService;
import dev.ioslab.transfer.TransferSettings;
import dev.ioslab.transfer.ftp.FtpClient;
import dev.ioslab.transfer.tftp.TftpClient;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    private ExecutorService fileIo;
    private SshBackend sshBackend;
    private ScheduledExecutorService idleTimer;
    private VerificationPool verificationPool;

    /** A listener that is up: which device, which protocol, where. */
    public record Listener(String device, String protocol, InetSocketAddress address) {
    }

    public Daemon(IoslabConfig config, Path baseDir, Clock clock) {
        this.config = config;
        this.baseDir = baseDir;
        this.clock = clock;
    }

    /** Starts every device and listener; on failure stops what was started and throws. */
    public synchronized void start() throws IOException {
        long t0 = System.nanoTime();
        boss = new NioEventLoopGroup(1, new DefaultThreadFactory("ioslab-accept", true));
        workers = new NioEventLoopGroup(config.daemon().ioThreads(), new DefaultThreadFactory("ioslab-io", true));
        fileIo = Executors.newFixedThreadPool(2, new DefaultThreadFactory("ioslab-file-io", true));
        verificationPool = new VerificationPool(config.daemon().verificationPoolSize());
        CommandCatalog catalog = CommandSets.standard(fileIo, verificationPool, transferService(workers),
                transferSettings(config.transfers()));
        Path stateDir = baseDir.resolve(config.daemon().stateDir());
        idleTimer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("ioslab-idle", true));
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
                pki.factoryKeys(), new BootLoader(verificationPool, LabImages.PLATFORM),
                images.resolve(LabImages.CURRENT));
        TelnetSettings telnet = new TelnetSettings(config.daemon().loginTimeout(), 3);
        sshBackend = new SshBackend(config.daemon().ioThreads());
        SshSettings defaults = SshSettings.defaults();
        SshSettings ssh = new SshSettings(config.daemon().loginTimeout(), defaults.idleTimeout(),
                defaults.maxAuthTries(), defaults.failuresBeforeDelay(), defaults.failureDelay());
        startImageRepository(config.imageRepository());
        // Devices come up in parallel: creating flash folders and host keys is mostly waiting on fsync. Each task
        // brings up one device completely or closes what it started; results are taken in configuration order.
        ExecutorService starters = Executors.newFixedThreadPool(STARTER_THREADS,
                new DefaultThreadFactory("ioslab-start", true));
        // Shared mode: devices attach as they boot; the two sockets bind once all of them are attached.
        AddressRoutedListeners shared = config.daemon().sharedListeners()
                .map(s -> new AddressRoutedListeners(s, sshBackend, ssh, boss, workers, telnet, fileIo, clock))
                .orElse(null);
        DeviceEndpoints.Transports transports = new DeviceEndpoints.Transports(sshBackend, ssh, boss, workers, telnet,
                idleTimer, config.daemon().bootTime(), shared);
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
        LOG.info("{} devices started in {} ms", endpoints.size(), (System.nanoTime() - t0) / 1_000_000);
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

    /** The devices' own clients, one per scheme, sharing the network event loops. */
    private static TransferService transferService(EventLoopGroup loops) {
        return new TransferService(Map.of(UrlScheme.FTP, new FtpClient(loops), UrlScheme.TFTP, new TftpClient(loops)));
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
        if (idleTimer != null) {
            idleTimer.shutdownNow();
            idleTimer = null;
        }
        if (verificationPool != null) {
            verificationPool.close();
            verificationPool = null;
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
