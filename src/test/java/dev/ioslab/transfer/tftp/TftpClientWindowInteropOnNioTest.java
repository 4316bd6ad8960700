package dev.ioslab.transfer.tftp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

/** {@link TftpClientWindowInteropTest} with the client on NIO loops, the transport used where native epoll is missing. */
class TftpClientWindowInteropOnNioTest extends TftpClientWindowInteropTest {

    @Override
    EventLoopGroup newGroup() {
        return new NioEventLoopGroup(1);
    }
}
