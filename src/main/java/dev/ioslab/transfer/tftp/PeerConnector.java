package dev.ioslab.transfer.tftp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.unix.DatagramSocketAddress;
import io.netty.channel.unix.Socket;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a transfer's native epoll socket to the peer once its transfer ID is locked, so that the kernel and Netty
 * take the connected path for every later datagram: receiving needs no sender address (Netty reads with
 * {@code recv} and reuses its cached remote address instead of building one per datagram) and sending needs no
 * address and no route lookup ({@code send} on the socket's cached route).
 *
 * <p>A connected UDP socket no longer receives datagrams from other ports, yet RFC 1350 section 4 wants them answered
 * with ERROR 5. So before connecting, a second socket, unconnected, joins the transfer's local address and port with
 * {@code SO_REUSEPORT} (set on the transfer's socket only now, never at its ephemeral bind, so no other socket can be
 * given the same port); Linux hands a datagram to the connected socket when its source is the peer and to the
 * unconnected one otherwise. Whatever that second socket receives goes to the same reader as the transfer's socket
 * (the session, which answers strangers and takes a peer's datagram that raced the connect); it closes with the
 * transfer's socket. Datagrams queued on the transfer's socket before the connect are read here with their real
 * senders, since a connected read can no longer tell. When anything fails the transfer's socket stays unconnected
 * and works as before; NIO channels are never connected. Which of the two sockets the peer's datagrams reach is the
 * kernel's choice: Linux 6.13 and later look connected UDP sockets up by their 4-tuple first (measured here on 6.18);
 * an older kernel's port lookup may return the unconnected socket of the reuseport group for every datagram, which
 * changes nothing but the speed-up, since both sockets feed the same reader.
 *
 * <p>Threading: {@link #connect} runs on the channel's event loop, and so does the reader, for both sockets.
 */
final class PeerConnector {

    private static final Logger LOG = LoggerFactory.getLogger(PeerConnector.class);
    /**
     * Bytes read from the queue at the connect: bounded, though the queue holds a few datagrams in practice (the
     * socket receive buffer, at most 4 MiB, bounds it as well, and nothing new comes in while it is read).
     */
    private static final long MAX_QUEUED_BYTES = 8L << 20;

    private PeerConnector() {
    }

    /**
     * Connects {@code channel} to {@code peer} and opens the stranger socket beside it; {@code reader} gets each
     * datagram (valid during the call only) with its sender. Once connected, {@code whenConnected} runs before any
     * datagram queued earlier reaches the reader. Returns whether the channel is now connected.
     */
    static boolean connect(Channel channel, InetSocketAddress peer, int datagramSize,
                           BiConsumer<ByteBuf, InetSocketAddress> reader, Runnable whenConnected) {
        if (!(channel instanceof EpollDatagramChannel transfer) || !(transfer.fd() instanceof Socket socket)
                || !channel.isOpen() || !channel.eventLoop().inEventLoop()) {
            return false;
        }
        InetSocketAddress local = transfer.localAddress();
        EpollDatagramChannel strangers;
        try {
            strangers = new EpollDatagramChannel(local.getAddress() instanceof Inet4Address
                    ? InternetProtocolFamily.IPv4 : InternetProtocolFamily.IPv6);
        } catch (RuntimeException noSocket) {
            // No descriptor for a second socket (the process is at its limit): the transfer goes on unconnected.
            LOG.debug("TFTP socket {} stays unconnected: {}", local, noSocket.getMessage());
            return false;
        }
        try {
            transfer.config().setReusePort(true);
            strangers.config().setReusePort(true);
            strangers.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(datagramSize));
            strangers.pipeline().addLast(new Forwarder(reader));
            // On the loop both complete before they return: registration and bind run inline.
            ChannelFuture step = channel.eventLoop().register(strangers);
            if (step.isSuccess()) {
                step = strangers.bind(local);
            }
            if (step.isSuccess()) {
                step = transfer.connect(peer);
            }
            if (!step.isSuccess()) {
                LOG.debug("TFTP socket {} stays unconnected: {}", local, step.cause() == null ? "not done"
                        : step.cause().getMessage());
                strangers.close();
                transfer.config().setReusePort(false);
                return false;
            }
        } catch (RuntimeException failed) {
            LOG.debug("TFTP socket {} stays unconnected: {}", local, failed.getMessage());
            strangers.close();
            return false;
        }
        channel.closeFuture().addListener(closed -> strangers.close());
        whenConnected.run();
        readQueued(channel, socket, datagramSize, reader);
        return true;
    }

    /**
     * Reads what came in before the connect with its real senders until the queue is empty, and only then hands it to
     * the reader: the reader's answers (an ACK) would bring more from the peer, which the connected read takes.
     */
    private static void readQueued(Channel channel, Socket socket, int datagramSize,
                                   BiConsumer<ByteBuf, InetSocketAddress> reader) {
        List<DatagramPacket> queued = new ArrayList<>();
        ByteBuf buffer = channel.alloc().directBuffer(datagramSize, datagramSize);
        try {
            long bytes = 0;
            while (bytes < MAX_QUEUED_BYTES) {
                DatagramSocketAddress sender = socket.recvFromAddress(buffer.memoryAddress(), 0, datagramSize);
                if (sender == null) {
                    break;
                }
                queued.add(new DatagramPacket(buffer.copy(0, sender.receivedAmount()), null, sender));
                bytes += sender.receivedAmount();
            }
        } catch (IOException failed) {
            // A pending socket error (an ICMP error after the connect): the channel's next read meets it.
            LOG.debug("TFTP socket read after connect: {}", failed.getMessage());
        } finally {
            buffer.release();
        }
        for (DatagramPacket datagram : queued) {
            try {
                reader.accept(datagram.content(), datagram.sender());
            } finally {
                datagram.release();
            }
        }
    }

    /** The stranger socket's only handler: every datagram to the transfer's reader. */
    static final class Forwarder extends ChannelInboundHandlerAdapter {

        private final BiConsumer<ByteBuf, InetSocketAddress> reader;

        Forwarder(BiConsumer<ByteBuf, InetSocketAddress> reader) {
            this.reader = reader;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                if (message instanceof DatagramPacket datagram) {
                    reader.accept(datagram.content(), datagram.sender());
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // Errors of the stranger socket (an ICMP error after an ERROR 5 reply) never concern the transfer.
            LOG.debug("TFTP stranger socket {}: {}", ctx.channel().localAddress(), cause.getMessage());
        }
    }
}
