package dev.ioslab.transfer.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** A native socket connected to its peer, with the stranger socket beside it on the same port. */
class PeerConnectorTest {

    private static final int DATAGRAM = 1024;

    /** What a reader got: the text of a datagram and its sender. */
    private record Received(String text, InetSocketAddress sender) {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final BiConsumer<ByteBuf, InetSocketAddress> reader = (bytes, sender) ->
            received.add(new Received(bytes.toString(StandardCharsets.US_ASCII), sender));

    @Test
    void connectedSocketTakesThePeerAndTheStrangerSocketEveryoneElseWithTheirRealSenders() throws Exception {
        assumeTrue(Epoll.isAvailable(), "native epoll is not available here");
        EventLoopGroup group = TftpEventLoops.create(1, new DefaultThreadFactory("peer-connector-test", true));
        try (DatagramSocket peer = loopbackSocket(); DatagramSocket stranger = loopbackSocket()) {
            Channel channel = new Bootstrap().group(group)
                    .channelFactory(() -> new EpollDatagramChannel(InternetProtocolFamily.IPv4))
                    .option(ChannelOption.AUTO_READ, false)
                    .handler(new PeerConnector.Forwarder(reader))
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            InetSocketAddress local = (InetSocketAddress) channel.localAddress();
            // Queued before the connect (the channel is not reading): a connected read could not tell who sent them.
            send(stranger, "early", local);
            send(peer, "first", local);

            AtomicBoolean told = new AtomicBoolean();
            boolean connected = group.submit(() -> PeerConnector.connect(channel,
                    (InetSocketAddress) peer.getLocalSocketAddress(), DATAGRAM, reader, () -> told.set(true)))
                    .get(5, TimeUnit.SECONDS);
            channel.config().setAutoRead(true);

            assertThat(connected).isTrue();
            assertThat(told).isTrue();
            assertThat(((EpollDatagramChannel) channel).isConnected()).isTrue();
            assertThat(List.of(next(), next())).containsExactlyInAnyOrder(
                    new Received("early", address(stranger)), new Received("first", address(peer)));
            for (int round = 0; round < 20; round++) {
                send(peer, "peer " + round, local);
                assertThat(next()).isEqualTo(new Received("peer " + round, address(peer)));
                send(stranger, "stranger " + round, local);
                assertThat(next()).isEqualTo(new Received("stranger " + round, address(stranger)));
            }

            channel.close().sync();
            group.submit(() -> { }).get(5, TimeUnit.SECONDS);
            // Both sockets are gone with the transfer: the port can be bound again without SO_REUSEPORT.
            new DatagramSocket(local).close();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void nioChannelsStayUnconnected() throws Exception {
        EventLoopGroup group = new NioEventLoopGroup(1);
        try (DatagramSocket peer = loopbackSocket()) {
            Channel channel = new Bootstrap().group(group)
                    .channelFactory(() -> new NioDatagramChannel(InternetProtocolFamily.IPv4))
                    .handler(new PeerConnector.Forwarder(reader))
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            boolean connected = group.submit(() -> PeerConnector.connect(channel,
                    (InetSocketAddress) peer.getLocalSocketAddress(), DATAGRAM, reader, () -> {
                        throw new AssertionError("told it is connected");
                    })).get(5, TimeUnit.SECONDS);

            assertThat(connected).isFalse();
            assertThat(((NioDatagramChannel) channel).isConnected()).isFalse();
            channel.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private Received next() throws InterruptedException {
        Received next = received.poll(5, TimeUnit.SECONDS);
        assertThat(next).as("a datagram within 5 s").isNotNull();
        return next;
    }

    private static DatagramSocket loopbackSocket() throws Exception {
        return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private static InetSocketAddress address(DatagramSocket socket) {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private static void send(DatagramSocket from, String text, InetSocketAddress to) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        from.send(new java.net.DatagramPacket(bytes, bytes.length, to));
    }
}
