package dev.ioslab.frontend.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Telnet terminal keeps the order of writes however threads mix: a session writes from its channel's event loop
 * (echo of typed keys) and from other threads (a command that completes elsewhere, a device broadcast, the idle
 * timer), always one at a time under the session's monitor. Runs on Netty's in-JVM transport, so real event loops.
 */
@Timeout(30)
class ChannelTerminalOrderTest {

    private final DefaultEventLoopGroup loops = new DefaultEventLoopGroup(2);
    private final StringBuilder received = new StringBuilder();
    private final CountDownLatch closed = new CountDownLatch(1);

    @AfterEach
    void stop() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** A peer that records what reaches it; returns the server's end of the connection. */
    private Channel connect() throws InterruptedException {
        LocalAddress address = new LocalAddress("telnet-order-" + System.nanoTime());
        new ServerBootstrap().group(loops).channel(LocalServerChannel.class)
                .childHandler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel ch) {
                        ch.closeFuture().addListener(f -> closed.countDown());
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<ByteBuf>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                                synchronized (received) {
                                    received.append(msg.toString(StandardCharsets.ISO_8859_1));
                                    received.notifyAll();
                                }
                            }
                        });
                    }
                }).bind(address).sync();
        return new Bootstrap().group(loops).channel(LocalChannel.class)
                .handler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel ch) {
                        ch.pipeline().addLast(new TelnetEncoder());
                    }
                }).connect(address).sync().channel();
    }

    private String awaitReceived(int length) throws InterruptedException {
        synchronized (received) {
            while (received.length() < length) {
                received.wait();
            }
            return received.toString();
        }
    }

    @Test
    void textWrittenOnTheEventLoopDoesNotOvertakeTextWrittenEarlierFromAnotherThread() throws Exception {
        Channel channel = connect();
        ChannelTerminal terminal = new ChannelTerminal(channel);
        CountDownLatch firstWritten = new CountDownLatch(1);
        // The event loop is busy (a read in progress) while a command completing elsewhere writes its output...
        channel.eventLoop().execute(() -> {
            try {
                firstWritten.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // ...then the read's handler echoes a key, after that output in the session's order.
            terminal.write("echo");
        });
        terminal.write("output\r\nR1#");
        firstWritten.countDown();

        assertThat(awaitReceived("output\r\nR1#echo".length())).isEqualTo("output\r\nR1#echo");
    }

    @Test
    void closeOnTheEventLoopSendsEverythingWrittenBeforeItFromAnotherThread() throws Exception {
        Channel channel = connect();
        ChannelTerminal terminal = new ChannelTerminal(channel);
        CountDownLatch written = new CountDownLatch(1);
        channel.eventLoop().execute(() -> {
            try {
                written.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            terminal.close();
        });
        terminal.write("\r\n% logged out\r\n");
        written.countDown();

        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        synchronized (received) {
            assertThat(received.toString()).isEqualTo("\r\n% logged out\r\n");
        }
    }

    @Test
    void outputWaitingForABusyEventLoopCountsAsBacklog() throws Exception {
        Channel channel = connect();
        ChannelTerminal terminal = new ChannelTerminal(channel);
        CountDownLatch loopFree = new CountDownLatch(1);
        channel.eventLoop().execute(() -> {
            try {
                loopFree.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String screen = "x".repeat(1024);
        boolean backlogged;
        CountDownLatch drained = new CountDownLatch(1);
        try {
            for (int i = 0; i < 128; i++) {
                terminal.write(screen);
            }
            backlogged = terminal.backlogged();
            terminal.whenDrained(drained::countDown);
        } finally {
            loopFree.countDown();
        }

        assertThat(backlogged).isTrue();

        assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(awaitReceived(128 * 1024)).hasSize(128 * 1024);
    }
}
