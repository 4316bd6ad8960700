package dev.ioslab.transfer.tftp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

/** {@link TftpClientProtocolTest} with the client on NIO loops, the transport used where native epoll is missing. */
class TftpClientProtocolOnNioTest extends TftpClientProtocolTest {

    @Override
    EventLoopGroup newGroup() {
        return new NioEventLoopGroup(1);
    }
}
