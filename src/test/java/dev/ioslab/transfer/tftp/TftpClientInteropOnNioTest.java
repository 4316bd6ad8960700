package dev.ioslab.transfer.tftp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

/** {@link TftpClientInteropTest} with the client on NIO loops, the transport used where native epoll is missing. */
class TftpClientInteropOnNioTest extends TftpClientInteropTest {

    @Override
    EventLoopGroup newGroup() {
        return new NioEventLoopGroup(1);
    }
}
