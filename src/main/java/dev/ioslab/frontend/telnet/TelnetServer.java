package dev.ioslab.frontend.telnet;

import dev.ioslab.cli.ShellEndpoint;
import dev.ioslab.frontend.admission.AdmissionLimits;
import dev.ioslab.frontend.admission.ConnectionAdmission;
import dev.ioslab.frontend.admission.ConnectionLog;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telnet listener of one device. Every device's server shares the daemon's Netty event loop groups (NIO), so an
 * idle device costs a listening socket and no thread.
 *
 * <p>{@link #start()} binds and completes with the bound address; {@link #close()} closes the listener and every
 * session it accepted. Thread-safe; neither method blocks an event loop (when {@link #close()} is called from one of
 * the groups' threads it does not wait for the sockets to close).
 */
public final class TelnetServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelnetServer.class);
    private final ShellEndpoint endpoint;
    private final InetSocketAddress bindAddress;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final TelnetSettings settings;
    private final AdmissionGate admissionGate;
    private final ChannelGroup sessions;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Channel listener;

    /**
     * A server for {@code endpoint} that will listen on {@code bindAddress} (port 0 picks a free port).
     *
     * @param boss    accepts connections; owned by the caller, who shuts it down
     * @param workers runs the connections; owned by the caller, who shuts it down
     */
    public TelnetServer(ShellEndpoint endpoint, InetSocketAddress bindAddress, EventLoopGroup boss,
                        EventLoopGroup workers, TelnetSettings settings) {
        this(endpoint, bindAddress, boss, workers, settings,
                new ConnectionAdmission(AdmissionLimits.UNLIMITED, new ConnectionLog(Clock.systemUTC(),
                        Duration.ofSeconds(10))));
    }

    /**
     * A server whose accepted connections must first be admitted by the daemon's {@code admission} (a refused one is
     * closed before a byte is sent).
     */
    public TelnetServer(ShellEndpoint endpoint, InetSocketAddress bindAddress, EventLoopGroup boss,
                        EventLoopGroup workers, TelnetSettings settings, ConnectionAdmission admission) {
        this.admissionGate = new AdmissionGate(Objects.requireNonNull(admission, "admission"));
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        this.boss = Objects.requireNonNull(boss, "boss");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.settings = Objects.requireNonNull(settings, "settings");
        // stayClosed: a connection accepted while the server is closing is closed at once.
        this.sessions = new DefaultChannelGroup("telnet-" + endpoint.deviceName(), workers.next(), true);
    }

    /**
     * Starts listening. The future completes with the bound address, or fails with a {@link BindException} naming the
     * device, the address and the reason.
     */
    public CompletableFuture<InetSocketAddress> start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("Telnet server of " + endpoint.deviceName() + " already started");
        }
        CompletableFuture<InetSocketAddress> result = new CompletableFuture<>();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(admissionGate)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new TelnetChannelInitializer(endpoint, settings, new TelnetEncoder(), sessions));
        ChannelFuture bind = bootstrap.bind(bindAddress);
        bind.addListener((ChannelFuture future) -> {
            if (!future.isSuccess()) {
                BindException failure = new BindException("Telnet listener of device " + endpoint.deviceName()
                        + " cannot bind " + describe(bindAddress) + ": " + reason(future.cause()));
                failure.initCause(future.cause());
                result.completeExceptionally(failure);
                return;
            }
            listener = future.channel();
            InetSocketAddress bound = (InetSocketAddress) listener.localAddress();
            if (closed.get()) {
                listener.close();
                result.completeExceptionally(new IllegalStateException(
                        "Telnet server of " + endpoint.deviceName() + " was closed while starting"));
                return;
            }
            LOG.info("{}: Telnet listening on {}", endpoint.deviceName(), describe(bound));
            result.complete(bound);
        });
        return result;
    }

    /** The connections open now (a test seam: their socket options are checked through it). */
    List<Channel> openConnections() {
        return List.copyOf(sessions);
    }

    /** Closes the listener and every session; waits for them unless called on one of the event loops. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ListenerShutdown.close(listener, sessions, boss, workers)) {
            LOG.info("{}: Telnet listener closed", endpoint.deviceName());
        }
    }

    private static String describe(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static String reason(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
