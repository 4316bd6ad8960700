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
import java.io.FileInputStream;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * When the process has no descriptor left for the stranger socket, the transfer's socket stays unconnected and
     * keeps reading, as for any other failure of the connect: the transfer itself needs no new descriptor.
     */
    @Test
    void noDescriptorForTheStrangerSocketLeavesTheChannelUnconnectedAndReading() throws Exception {
        assumeTrue(Epoll.isAvailable(), "native epoll is not available here");
        long limit = openFilesLimit();
        assumeTrue(limit > 0 && limit <= 65_536, "needs a descriptor limit of at most 65536 to use up, not " + limit);
        EventLoopGroup group = TftpEventLoops.create(1, new DefaultThreadFactory("peer-connector-test", true));
        try (DatagramSocket peer = loopbackSocket()) {
            InetSocketAddress peerAddress = address(peer);
            // A first connect on another channel loads every class the connect uses while descriptors are short.
            Channel warmUp = bindEpoll(group);
            assertThat(group.submit(() -> PeerConnector.connect(warmUp, peerAddress, DATAGRAM, reader, () -> { }))
                    .get(5, TimeUnit.SECONDS)).isTrue();
            warmUp.close().sync();
            Channel channel = bindEpoll(group);
            InetSocketAddress local = (InetSocketAddress) channel.localAddress();

            AtomicBoolean told = new AtomicBoolean();
            Object outcome = group.submit(() -> {
                List<FileInputStream> hogs = new ArrayList<>();
                try {
                    try {
                        while (hogs.size() <= limit) {
                            hogs.add(new FileInputStream("/dev/null"));
                        }
                    } catch (IOException exhausted) {
                        // every descriptor is taken
                    }
                    return PeerConnector.connect(channel, peerAddress, DATAGRAM, reader, () -> told.set(true));
                } catch (RuntimeException escaped) {
                    return escaped;
                } finally {
                    for (FileInputStream hog : hogs) {
                        hog.close();
                    }
                }
            }).get(5, TimeUnit.SECONDS);

            assertThat(outcome).as("connect's answer").isEqualTo(false);
            assertThat(told).isFalse();
            assertThat(channel.isOpen()).isTrue();
            assertThat(((EpollDatagramChannel) channel).isConnected()).isFalse();
            channel.config().setAutoRead(true);
            send(peer, "still reading", local);
            assertThat(next()).isEqualTo(new Received("still reading", peerAddress));
            channel.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private Channel bindEpoll(EventLoopGroup group) throws InterruptedException {
        return new Bootstrap().group(group)
                .channelFactory(() -> new EpollDatagramChannel(InternetProtocolFamily.IPv4))
                .option(ChannelOption.AUTO_READ, false)
                .handler(new PeerConnector.Forwarder(reader))
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    /** The soft limit on open descriptors ({@code /proc/self/limits}), or -1 when unknown or unlimited. */
    private static long openFilesLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.chars().allMatch(Character::isDigit) ? Long.parseLong(soft) : -1;
            }
        }
        return -1;
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
