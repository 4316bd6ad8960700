package dev.ioslab.transfer.tftp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.util.concurrent.ThreadFactory;

/**
 * The event loops of the device's TFTP client, apart from the loops that serve SSH, Telnet and FTP: a lock-step TFTP
 * transfer is one datagram in and one ACK out per block, so its speed is the delay between a block's arrival and its
 * ACK, which a loop busy with other channels' work would lengthen. Uses Netty's native epoll transport where it is
 * available (one {@code epoll_wait} and one {@code recvmsg}/{@code sendto} per packet, without the JDK selector's
 * bookkeeping) and NIO elsewhere; {@link TftpDatagramChannels#forAddress(EventLoopGroup, java.net.InetAddress)} opens
 * matching channels. Stateless.
 */
public final class TftpEventLoops {

    private TftpEventLoops() {
    }

    /** Whether {@link #create} will use the native epoll transport on this machine. */
    public static boolean nativeTransport() {
        return Epoll.isAvailable();
    }

    /**
     * A new group of {@code threads} loops (epoll if available, else NIO); the caller shuts it down. The loops give
     * I/O all their time ({@code ioRatio} 100): their tasks are a transfer's timer and its start and end, too few to
     * need a budget, and timing each wake-up's I/O for that budget would cost two clock reads per block.
     */
    public static EventLoopGroup create(int threads, ThreadFactory threadFactory) {
        if (nativeTransport()) {
            EpollEventLoopGroup group = new EpollEventLoopGroup(threads, threadFactory);
            group.setIoRatio(100);
            return group;
        }
        NioEventLoopGroup group = new NioEventLoopGroup(threads, threadFactory);
        group.setIoRatio(100);
        return group;
    }
}
