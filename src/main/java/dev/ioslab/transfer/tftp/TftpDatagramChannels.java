package dev.ioslab.transfer.tftp;

import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Opens UDP channels of the family of the address they serve: an IPv4 transfer gets an IPv4 socket rather than the
 * JDK's default dual-stack IPv6 one, whose mapped addresses cost every datagram a detour through the kernel's IPv6
 * path. Channels match the transport of the event loops they run on: native epoll channels on an
 * {@link EpollEventLoopGroup} (see {@link TftpEventLoops}), NIO channels on any other group. Stateless.
 */
public final class TftpDatagramChannels {

    private TftpDatagramChannels() {
    }

    /** A factory of NIO datagram channels for talking to or listening on {@code address}. */
    public static ChannelFactory<NioDatagramChannel> forAddress(InetAddress address) {
        InternetProtocolFamily family = family(address);
        return () -> new NioDatagramChannel(family);
    }

    /** Whether channels for {@code group} are native epoll channels. */
    public static boolean nativeTransport(EventLoopGroup group) {
        return group instanceof EpollEventLoopGroup;
    }

    /** A factory of datagram channels for {@code address} that can be registered with {@code group}'s loops. */
    public static ChannelFactory<? extends DatagramChannel> forAddress(EventLoopGroup group, InetAddress address) {
        if (nativeTransport(group)) {
            InternetProtocolFamily family = family(address);
            return () -> new EpollDatagramChannel(family);
        }
        return forAddress(address);
    }

    private static InternetProtocolFamily family(InetAddress address) {
        return address instanceof Inet4Address ? InternetProtocolFamily.IPv4 : InternetProtocolFamily.IPv6;
    }
}
