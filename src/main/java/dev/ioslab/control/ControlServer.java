package dev.ioslab.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab control API's HTTP server: Netty's HTTP codec, bodies up to {@value #MAX_BODY} bytes, every call checked
 * against the bearer token when one is configured, API routes under {@value #API_PREFIX} and a few root routes
 * ({@code /metrics}). Requests are answered by {@link ControlRequestHandler}. Threading: {@link #start} and
 * {@link #close} from any thread; requests run on the shared event loops.
 */
public final class ControlServer implements AutoCloseable {

    /** Where the versioned API lives. */
    public static final String API_PREFIX = "/api/v1";
    static final int MAX_BODY = 1 << 20;
    /** A connection that sends nothing for this long (and has no open stream) is closed. */
    static final int IDLE_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final InetSocketAddress address;
    private final Optional<String> bearerToken;
    private final Routes api;
    private final Routes root;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ObjectMapper json = new ObjectMapper();
    private final ChannelGroup connections = new DefaultChannelGroup("control-api", GlobalEventExecutor.INSTANCE);
    private Channel listener;

    /**
     * @param address     where to listen (port 0 picks one)
     * @param bearerToken the token every call must present as {@code Authorization: Bearer …}; empty lets every
     *                    call through (the daemon allows that only on a loopback address)
     * @param api         routes matched against the path below {@value #API_PREFIX}
     * @param root        routes matched against the whole path
     */
    public ControlServer(InetSocketAddress address, Optional<String> bearerToken, Routes api, Routes root,
                         EventLoopGroup boss, EventLoopGroup workers) {
        this.address = address;
        this.bearerToken = bearerToken;
        this.api = api;
        this.root = root;
        this.boss = boss;
        this.workers = workers;
    }

    /** Binds; completes with the bound address, or fails with the bind error. */
    public synchronized CompletableFuture<InetSocketAddress> start() {
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        BearerToken token = new BearerToken(bearerToken);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // A follower that reads slowly fills at most this much before its lines are dropped.
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline()
                                .addLast(new IdleStateHandler(IDLE_SECONDS, 0, 0, TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(MAX_BODY))
                                // One request at a time: requests decoded from one read wait here while the
                                // handler, having turned auto-read off, answers the one in flight.
                                .addLast(new FlowControlHandler())
                                .addLast(new ControlRequestHandler(token, api, root, json));
                    }
                });
        ChannelFuture bind = bootstrap.bind(address);
        bind.addListener(f -> {
            if (f.isSuccess()) {
                synchronized (this) {
                    listener = bind.channel();
                }
                InetSocketAddress local = (InetSocketAddress) bind.channel().localAddress();
                LOG.info("control API listening on http://{}:{}{}", local.getHostString(), local.getPort(),
                        API_PREFIX);
                bound.complete(local);
            } else {
                bound.completeExceptionally(f.cause());
            }
        });
        return bound;
    }

    /** Stops listening and closes every connection, open event streams included. */
    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            listener = null;
        }
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
