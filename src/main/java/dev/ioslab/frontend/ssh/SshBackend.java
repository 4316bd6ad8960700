package dev.ioslab.frontend.ssh;

import dev.ioslab.frontend.admission.AdmissionLimits;
import dev.ioslab.frontend.admission.ConnectionAdmission;
import dev.ioslab.frontend.admission.ConnectionLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.AsynchronousChannelGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.Factory;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.io.IoConnector;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoServiceEventListener;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.io.IoServiceFactoryFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactory;
import org.apache.sshd.common.util.closeable.AbstractCloseable;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.SshdThreadFactory;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared I/O resources for all device SSH servers; owned by the daemon, closed after every
 * {@link SshServerFrontend} that uses it.
 *
 * <p>MINA's default NIO2 transport gives each {@code SshServer} its own thread pool, its own
 * {@link java.nio.channels.AsynchronousChannelGroup} (whose poller is one more thread) and its own timer thread; a rack
 * of 1,000 devices would then run thousands of idle threads. Here one {@link Nio2ServiceFactory} and one channel
 * group over a fixed pool of {@code ioThreads} serve every server's acceptor and sessions, and one scheduler runs
 * every server's timers (session timeouts, delayed login rejections). The thread count is therefore fixed by the
 * constructor, whatever the number of devices. Socket options and I/O buffer sizes are therefore the back end's, the
 * same for every device; protocol settings (timeouts, algorithms) stay per server.
 *
 * <p>Accepted connections pass the daemon's {@link ConnectionAdmission} before any server sees them
 * ({@link AdmissionIoHandler}), and listening sockets pause after a failed accept instead of spinning
 * ({@link BackOffAcceptor}). The acceptors, and with them every accepted connection, run on a channel group of our
 * own, because MINA keeps its group private and builds it over a wrapped executor, where the JDK reads on an internal
 * poller thread and hands each completion to a pool thread; ours is a JDK fixed pool, whose threads poll, read and
 * answer in one go. MINA's group stays idle but for its one poller thread.
 *
 * <p>Threading: thread-safe; {@link #close()} may be called once everything else is closed.
 */
public final class SshBackend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshBackend.class);
    private static final int ACCEPT_BACKLOG = 1024;

    /** Only a holder of I/O properties (socket options, buffer sizes) for the shared transport; never started. */
    private final SshServer ioProperties;
    private final Nio2ServiceFactory io;
    private final AsynchronousChannelGroup acceptorGroup;
    private final ExecutorService resumeTasks;
    private final ConnectionAdmission admission;
    private final ScheduledExecutorService timers;
    private final int ioThreads;

    /**
     * Creates the shared transport: the channel group's poller thread starts now, the I/O, resume and timer threads
     * as connections and timers first need them; none is added per device.
     *
     * @param ioThreads number of I/O threads serving every device's connections (e.g. the number of cores)
     */
    public SshBackend(int ioThreads) {
        this(ioThreads, new ConnectionAdmission(AdmissionLimits.UNLIMITED,
                new ConnectionLog(Clock.systemUTC(), Duration.ofSeconds(10))));
    }

    /**
     * Creates the shared transport; every connection any device accepts must first be admitted by {@code admission}.
     *
     * @param ioThreads number of I/O threads serving every device's connections (e.g. the number of cores)
     * @param admission the daemon's caps on connections, shared with the other front ends
     */
    public SshBackend(int ioThreads, ConnectionAdmission admission) {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1, was " + ioThreads);
        }
        this.ioThreads = ioThreads;
        this.admission = admission;
        this.ioProperties = new SshServer();
        CoreModuleProperties.NIO_WORKERS.set(ioProperties, ioThreads);
        // The JDK's default accept backlog (50) overflows during a connection burst, as MINA accepts one connection at
        // a time; the kernel then drops SYNs and each dropped client waits a full second to retry.
        CoreModuleProperties.SOCKET_BACKLOG.set(ioProperties, ACCEPT_BACKLOG);
        // Interactive output leaves in whole units; without TCP_NODELAY the second small write of an exchange waits
        // for the client's delayed ACK (Nagle), about 40 ms on Linux, on every command and every copy question.
        CoreModuleProperties.TCP_NODELAY.set(ioProperties, true);
        // MINA's own group runs on this pool; it serves no accepted connection (see acceptorGroup), so its threads
        // seldom start, and their name keeps them apart from the I/O threads in a thread dump.
        CloseableExecutorService ioPool = ThreadUtils.newFixedThreadPool("ssh-mina-group", ioThreads);
        // The second executor only resumes reads that were suspended for back-pressure: one thread is plenty.
        CloseableExecutorService resume = ThreadUtils.newFixedThreadPool("ssh-io-resume", 1);
        this.io = new Nio2ServiceFactory(ioProperties, ioPool, resume);
        this.resumeTasks = resume;
        try {
            // A fixed pool, not a wrapped executor: the JDK then runs a completed read's handler on the thread that
            // polled and read the socket. Over a wrapped executor it polls and reads on an internal thread of its
            // own and hands every completion to the executor: one more thread wake-up on every keystroke's way in.
            this.acceptorGroup =
                    AsynchronousChannelGroup.withFixedThreadPool(ioThreads, new SshdThreadFactory("ssh-io"));
        } catch (IOException e) {
            io.close(true);
            throw new UncheckedIOException("cannot start the SSH acceptors' channel group", e);
        }
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, new SshdThreadFactory("ssh-timer"));
        // Sessions cancel most of their timers (command exit waits, key re-exchanges); drop them from the queue at
        // once instead of keeping thousands of dead entries until their deadline.
        timer.setRemoveOnCancelPolicy(true);
        this.timers = timer;
        LOG.info("SSH back end started with {} I/O threads", ioThreads);
    }

    /** Number of I/O threads this back end was built with. */
    public int ioThreads() {
        return ioThreads;
    }

    /** The transport every device server plugs in; closing a server never closes the shared transport. */
    IoServiceFactoryFactory ioServiceFactoryFactory() {
        return new SharedIoServiceFactoryFactory();
    }

    /** The one scheduler for timers of all servers; servers must not shut it down. */
    ScheduledExecutorService timers() {
        return timers;
    }

    /** Stops the I/O threads and the timer; connections still open are dropped. */
    @Override
    public void close() {
        try {
            acceptorGroup.shutdownNow();
            if (!acceptorGroup.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("SSH acceptors did not stop within 5 s");
            }
        } catch (IOException e) {
            LOG.warn("SSH acceptors did not stop cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        io.close(true);
        timers.shutdownNow();
        try {
            if (!timers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("SSH timer thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("SSH back end stopped");
    }

    /** Hands each server a view of the shared transport instead of a transport of its own. */
    private final class SharedIoServiceFactoryFactory implements IoServiceFactoryFactory {

        @Override
        public IoServiceFactory create(FactoryManager manager) {
            return new SharedIoServiceFactory();
        }

        @Override
        public void setExecutorServiceFactory(Factory<CloseableExecutorService> factory) {
            // Servers must not bring threads of their own: the shared back end's threads serve every device.
            throw new IllegalStateException("SSH I/O threads belong to the shared SshBackend");
        }
    }

    /**
     * One server's view of the shared transport: it creates acceptors on the shared channel group; closing it (which
     * {@code SshServer.stop()} does) leaves the group and its threads to the other servers. The server closes the
     * acceptor itself, and the acceptor closes that server's sessions.
     */
    private final class SharedIoServiceFactory extends AbstractCloseable implements IoServiceFactory {

        private volatile IoServiceEventListener eventListener;

        @Override
        public IoConnector createConnector(IoHandler handler) {
            IoConnector connector = io.createConnector(handler);
            connector.setIoServiceEventListener(eventListener);
            return connector;
        }

        @Override
        public IoAcceptor createAcceptor(IoHandler handler) {
            IoAcceptor acceptor = new BackOffAcceptor(io, ioProperties, new AdmissionIoHandler(handler, admission),
                    acceptorGroup, resumeTasks, timers, admission.log());
            acceptor.setIoServiceEventListener(eventListener);
            return acceptor;
        }

        @Override
        public IoServiceEventListener getIoServiceEventListener() {
            return eventListener;
        }

        @Override
        public void setIoServiceEventListener(IoServiceEventListener listener) {
            this.eventListener = listener;
        }
    }
}
