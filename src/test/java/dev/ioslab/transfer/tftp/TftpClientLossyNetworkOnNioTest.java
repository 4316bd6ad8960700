package dev.ioslab.transfer.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.junit.jupiter.api.Test;

/** {@link TftpClientLossyNetworkTest} with the client on NIO loops, the transport used where native epoll is missing. */
class TftpClientLossyNetworkOnNioTest extends TftpClientLossyNetworkTest {

    @Override
    EventLoopGroup newGroup() {
        return new NioEventLoopGroup(1);
    }

    @Test
    void theseRunsReallyUseNioChannels() {
        EventLoopGroup group = newGroup();
        try {
            assertThat(TftpDatagramChannels.nativeTransport(group)).isFalse();
        } finally {
            group.shutdownGracefully();
        }
    }
}
