package dev.ioslab.transfer.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a transfer's socket reads datagrams already queued on it, on the daemon's loops and on NIO. */
class ReusingRecvByteBufAllocatorTest {

    private static final int QUEUED = 5;

    @Test
    void readsOneDatagramAtATimeAndLosesNoneOfThoseQueued() throws Exception {
        for (EventLoopGroup group : groups()) {
            assertThat(readBatches(group, new ReusingRecvByteBufAllocator(64)))
                    .as("datagrams per wake-up on " + group.getClass().getSimpleName()).containsExactly(1, 1, 1, 1, 1);
        }
    }

    private static List<EventLoopGroup> groups() {
        return List.of(TftpEventLoops.create(1, new DefaultThreadFactory("reads-test", true)), new NioEventLoopGroup(1));
    }

    /** Queues {@link #QUEUED} short datagrams on a socket that is not reading yet, then lets it read them. */
    private static List<Integer> readBatches(EventLoopGroup group, ReusingRecvByteBufAllocator allocator)
            throws Exception {
        List<Integer> batches = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(QUEUED);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            Channel channel = new Bootstrap().group(group)
                    .channelFactory(TftpDatagramChannels.forAddress(group, loopback))
                    .option(ChannelOption.AUTO_READ, false)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, allocator)
                    .handler(new ChannelInboundHandlerAdapter() {
                        private int read;

                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object message) {
                            ReferenceCountUtil.release(message);
                            read++;
                            all.countDown();
                        }

                        @Override
                        public void channelReadComplete(ChannelHandlerContext ctx) {
                            if (read > 0) {
                                batches.add(read);
                            }
                            read = 0;
                        }
                    })
                    .bind(new InetSocketAddress(loopback, 0)).sync().channel();
            try {
                for (int i = 0; i < QUEUED; i++) {
                    // On loopback the datagram is in the socket's queue when send returns.
                    peer.send(new DatagramPacket(new byte[10], 10, channel.localAddress()));
                }
                channel.config().setAutoRead(true);
                assertThat(all.await(5, TimeUnit.SECONDS)).as("all datagrams read").isTrue();
                channel.close().sync();
            } finally {
                channel.close();
                allocator.release();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        return batches;
    }
}
