package dev.ioslab.transfer.ftp;

import dev.ioslab.transfer.TransferSettings;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens a transfer's data connection on the control connection's event loop, so one thread runs the whole transfer:
 * passive, a connection to the control connection's remote address; active, a listener on the control connection's
 * local address (the address the request binds) that admits one connection. Every data connection gets an idle
 * timeout and the handler that moves its bytes. Used only on that event loop.
 */
final class DataConnections {

    private static final Logger LOG = LoggerFactory.getLogger(DataConnections.class);

    /**
     * Data reads grow to 256 KiB when the sender keeps up: fewer trips through the pipeline and the sink per
     * megabyte, with a bounded buffer per transfer (released as soon as the sink has written it).
     */
    private static final AdaptiveRecvByteBufAllocator READS =
            new AdaptiveRecvByteBufAllocator(4 * 1024, 64 * 1024, 256 * 1024);
    /** Uploads keep up to four chunks queued for the socket, so the source is read while the kernel sends. */
    private static final WriteBufferWaterMark WRITES =
            new WriteBufferWaterMark(2 * UploadHandler.CHUNK, 4 * UploadHandler.CHUNK);

    private final Channel control;
    private final TransferSettings settings;
    private final Supplier<DataHandler> handlers;

    DataConnections(Channel control, TransferSettings settings, Supplier<DataHandler> handlers) {
        this.control = control;
        this.settings = settings;
        this.handlers = handlers;
    }

    /** The server's address, where passive connections go and active ones must come from. */
    InetAddress serverAddress() {
        return ((InetSocketAddress) control.remoteAddress()).getAddress();
    }

    /** The device's address on the control connection, which every data socket binds. */
    InetAddress localAddress() {
        return ((InetSocketAddress) control.localAddress()).getAddress();
    }

    /** Passive mode: connects to {@code port} on the server's control address. */
    ChannelFuture connect(int port) {
        return new Bootstrap()
                .group(control.eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Deadline.millis(settings.connectTimeout()))
                .option(ChannelOption.RCVBUF_ALLOCATOR, READS)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WRITES)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        addHandlers(channel);
                    }
                })
                .connect(new InetSocketAddress(serverAddress(), port), new InetSocketAddress(localAddress(), 0));
    }

    /**
     * Active mode: listens on an ephemeral port of the local address and admits one connection, the first from the
     * server's address (a third host cannot slip its bytes into the transfer); the listener then closes, and any
     * other connection is closed at once. {@code admitted} hears the admitted connection before it is active.
     */
    ChannelFuture listen(Consumer<Channel> admitted) {
        boolean[] taken = {false};
        return new ServerBootstrap()
                .group(control.eventLoop(), control.eventLoop())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, READS)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WRITES)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        InetSocketAddress from = (InetSocketAddress) channel.remoteAddress();
                        if (taken[0] || !from.getAddress().equals(serverAddress())) {
                            LOG.debug("refusing a data connection from {}", from);
                            channel.close();
                            return;
                        }
                        taken[0] = true;
                        channel.parent().close();
                        admitted.accept(channel);
                        addHandlers(channel);
                    }
                })
                .bind(localAddress(), 0);
    }

    private void addHandlers(Channel channel) {
        channel.pipeline().addLast(
                new IdleStateHandler(0, 0, Deadline.millis(settings.idleTimeout()), TimeUnit.MILLISECONDS),
                handlers.get());
    }
}
