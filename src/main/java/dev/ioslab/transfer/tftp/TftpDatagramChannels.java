package dev.ioslab.transfer.tftp;

import io.netty.channel.ChannelFactory;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Opens UDP channels of the family of the address they serve: an IPv4 transfer gets an IPv4 socket rather than the
 * JDK's default dual-stack IPv6 one, whose mapped addresses cost every datagram a detour through the kernel's IPv6
 * path. Stateless.
 */
public final class TftpDatagramChannels {

    private TftpDatagramChannels() {
    }

    /** A factory of NIO datagram channels for talking to or listening on {@code address}. */
    public static ChannelFactory<NioDatagramChannel> forAddress(InetAddress address) {
        InternetProtocolFamily family = address instanceof Inet4Address
                ? InternetProtocolFamily.IPv4 : InternetProtocolFamily.IPv6;
        return () -> new NioDatagramChannel(family);
    }
}
