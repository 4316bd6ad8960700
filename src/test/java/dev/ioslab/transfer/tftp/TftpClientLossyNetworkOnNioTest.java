package dev.ioslab.transfer.tftp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

/** {@link TftpClientLossyNetworkTest} with the client on NIO loops, the transport used where native epoll is missing. */
class TftpClientLossyNetworkOnNioTest extends TftpClientLossyNetworkTest {

    @Override
    EventLoopGroup newGroup() {
        return new NioEventLoopGroup(1);
    }
}
