package dev.ioslab.frontend.telnet;

import dev.ioslab.cli.ShellEndpoint;
import dev.ioslab.frontend.admission.AdmissionLimits;
import dev.ioslab.frontend.admission.ConnectionAdmission;
import dev.ioslab.frontend.admission.ConnectionLog;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.AttributeKey;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Telnet listener for a whole rack: a single Netty server whose connections are routed to devices by their local
 * (destination) address. The channel initializer asks the router for the device; a connection no device owns (or to a
 * device that is reloading) is closed there, before any handler could send a byte (no option negotiation, no banner).
 *
 * <p>Threading: thread-safe; the router is called on an event loop and must not block. {@link #close()} does not
 * wait when called on one of the groups' threads.
 */
public final class SharedTelnetListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedTelnetListener.class);
    private static final AttributeKey<ShellEndpoint> DEVICE = AttributeKey.valueOf("ioslab.telnet.device");
    private final InetSocketAddress bind;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final TelnetSettings settings;
    private final Function<InetAddress, Optional<ShellEndpoint>> router;
    private final ChannelGroup sessions;
    private final TelnetEncoder encoder = new TelnetEncoder();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AdmissionGate admissionGate;
    private volatile Channel listener;

    /**
     * @param bind    where to listen (a wildcard address when the devices have different addresses)
     * @param boss    accepts connections; owned by the caller
     * @param workers runs the connections; owned by the caller
     * @param router  the device owning a connection's local address, or empty to refuse the connection
     */
    public SharedTelnetListener(InetSocketAddress bind, EventLoopGroup boss, EventLoopGroup workers,
                                TelnetSettings settings, Function<InetAddress, Optional<ShellEndpoint>> router) {
        this(bind, boss, workers, settings, router, new ConnectionAdmission(AdmissionLimits.UNLIMITED,
                new ConnectionLog(Clock.systemUTC(), Duration.ofSeconds(10))));
    }

    /**
     * As above, every accepted connection first admitted by the daemon's {@code admission} (a refused one is closed
     * before a byte is sent, as on a device's own listener).
     */
    public SharedTelnetListener(InetSocketAddress bind, EventLoopGroup boss, EventLoopGroup workers,
                                TelnetSettings settings, Function<InetAddress, Optional<ShellEndpoint>> router,
                                ConnectionAdmission admission) {
        this.admissionGate = new AdmissionGate(Objects.requireNonNull(admission, "admission"));
        this.bind = Objects.requireNonNull(bind, "bind");
        this.boss = Objects.requireNonNull(boss, "boss");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.router = Objects.requireNonNull(router, "router");
        this.sessions = new DefaultChannelGroup("telnet-shared", workers.next(), true);
    }

    /** Starts listening; the future completes with the bound address or fails with a {@link BindException}. */
    public CompletableFuture<InetSocketAddress> start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("shared Telnet listener already started");
        }
        CompletableFuture<InetSocketAddress> result = new CompletableFuture<>();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .handler(admissionGate)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new RoutingInitializer());
        bootstrap.bind(bind).addListener((ChannelFuture future) -> {
            if (!future.isSuccess()) {
                BindException failure = new BindException("shared Telnet listener cannot bind "
                        + bind.getHostString() + ":" + bind.getPort() + ": " + future.cause().getMessage());
                failure.initCause(future.cause());
                result.completeExceptionally(failure);
                return;
            }
            listener = future.channel();
            if (closed.get()) {
                listener.close();
                result.completeExceptionally(new IllegalStateException("shared Telnet listener closed while starting"));
                return;
            }
            InetSocketAddress bound = (InetSocketAddress) listener.localAddress();
            LOG.info("Shared Telnet listener on {}: devices are chosen by destination address", bound);
            result.complete(bound);
        });
        return result;
    }

    /** Closes every Telnet connection to {@code device} (its reload); the other devices' connections stay. */
    public void hangUp(ShellEndpoint device) {
        for (Channel channel : sessions) {
            if (channel.attr(DEVICE).get() == device) {
                channel.close();
            }
        }
    }

    /** Closes the listener and every connection; waits for them unless called on one of the event loops. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ListenerShutdown.close(listener, sessions, boss, workers)) {
            LOG.info("Shared Telnet listener closed");
        }
    }

    /** Picks the device of each accepted connection, then builds the same pipeline a device's own listener does. */
    private final class RoutingInitializer extends ChannelInitializer<SocketChannel> {

        @Override
        protected void initChannel(SocketChannel channel) {
            InetSocketAddress local = channel.localAddress();
            Optional<ShellEndpoint> device = local == null || local.getAddress() == null ? Optional.empty()
                    : router.apply(local.getAddress());
            if (device.isEmpty()) {
                channel.close();
                return;
            }
            channel.attr(DEVICE).set(device.get());
            sessions.add(channel);
            channel.pipeline()
                    .addLast("telnet-decoder", new TelnetDecoder())
                    .addLast("telnet-encoder", encoder)
                    .addLast("telnet-session", new TelnetSession(device.get(), settings));
        }
    }
}
