package dev.ioslab.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
                                .addLast(new BodyLimit())
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

    /**
     * Netty's aggregator with the API's refusal of a body over {@value #MAX_BODY} bytes: {@code 413} as a JSON error
     * like every other.
     */
    private static final class BodyLimit extends HttpObjectAggregator {
        BodyLimit() {
            super(MAX_BODY);
        }

        @Override
        protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
            Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
            // A client that asked "Expect: 100-continue" for a body over the limit hears the JSON refusal instead.
            if (answer instanceof FullHttpResponse refusal
                    && refusal.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
                refusal.release();
                FullHttpResponse json = tooLarge();
                HttpUtil.setKeepAlive(json, true);
                return json;
            }
            return answer;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
            if (!(oversized instanceof HttpRequest)) {
                super.handleOversizedMessage(ctx, oversized);
                return;
            }
            FullHttpResponse response = tooLarge();
            // As Netty's own refusal: a client that may go on (keep-alive, or waiting for 100-continue) keeps its
            // connection while the aggregator discards the rest of the body; otherwise the connection closes.
            boolean close = oversized instanceof FullHttpMessage
                    || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized);
            HttpUtil.setKeepAlive(response, !close);
            if (close) {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            }
        }

        private static FullHttpResponse tooLarge() {
            byte[] body = ("{\"error\":\"the body is larger than " + MAX_BODY + " bytes\",\"field\":\"body\"}")
                    .getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            HttpUtil.setContentLength(response, body.length);
            return response;
        }
    }
}
