package dev.ioslab.transfer.tftp;

import dev.ioslab.transfer.TransferClient;
import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferRequest;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.TransferSettings;
import dev.ioslab.transfer.TransferSink;
import dev.ioslab.transfer.TransferSource;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollMode;
import io.netty.channel.socket.DatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The device's TFTP client (RFC 1350) with options (RFC 2347): {@code blksize} (RFC 2348), {@code tsize} and
 * {@code timeout} (RFC 2349) and {@code windowsize} (RFC 7440), on Netty UDP channels. Each transfer gets its own
 * socket, bound to the request's local address on an ephemeral port, closed when the transfer ends. On native epoll
 * loops a lock-step transfer connects that socket to the server's transfer ID once it is locked, with a second socket
 * on the same port for packets from anyone else ({@code PeerConnector}).
 *
 * <p>What it asks for comes from {@link TransferSettings}: {@code blksize} unless it is 512, {@code windowsize}
 * unless it is 1, {@code timeout} as the reply timeout in whole seconds (1..255; a shorter reply timeout is not sent,
 * since RFC 2349 cannot say it), and {@code tsize} (0 in a read request, to learn the size; the source's size in a
 * write request). The reply timeout is also the first retransmission interval; it doubles up to four times over;
 * after {@code retries} retransmissions without progress, or the idle timeout without progress, the transfer fails
 * with {@link TransferError#TIMED_OUT}. A successful download completes its future as soon as the last block is in
 * the sink and acknowledged; its socket then lingers (twice the reply timeout, at most three seconds) to acknowledge
 * again a last block whose ACK was lost (RFC 1350 section 6), without ever calling the sink.
 *
 * <p>Threading: the contract of {@link TransferClient}. Transfers run on {@code group}'s event loops; the sink and
 * source are called there. The daemon gives the client loops of its own ({@link TftpEventLoops}: native epoll where
 * available); any NIO group works too.
 */
public final class TftpClient implements TransferClient {

    /** Upload window memory cap: a window's blocks stay buffered until acknowledged. */
    private static final int MAX_WINDOW_BYTES = 16 << 20;
    /** Socket receive buffer bounds: a whole window of large blocks should fit without drops. */
    private static final int MIN_RECEIVE_BUFFER = 256 << 10;
    private static final int MAX_RECEIVE_BUFFER = 4 << 20;

    private final EventLoopGroup group;

    /** A client whose transfers run on {@code group}: NIO loops, or epoll loops from {@link TftpEventLoops}. */
    public TftpClient(EventLoopGroup group) {
        this.group = group;
    }

    @Override
    public CompletableFuture<TransferResult> download(TransferRequest request, TransferSink sink,
                                                      TransferListener listener) {
        TransferSettings settings = request.settings();
        TftpOptionRequest options = new TftpOptionRequest(settings.blockSize(), settings.windowSize(),
                timeoutOption(settings.replyTimeout()), OptionalLong.of(0));
        CompletableFuture<TransferResult> result = new CompletableFuture<>();
        open(request, new TftpReceiveSession(request, sink, listener, result, options), result);
        return result;
    }

    @Override
    public CompletableFuture<TransferResult> upload(TransferRequest request, TransferSource source,
                                                    TransferListener listener) {
        TransferSettings settings = request.settings();
        int window = Math.max(1, Math.min(settings.windowSize(), MAX_WINDOW_BYTES / settings.blockSize()));
        TftpOptionRequest options = new TftpOptionRequest(settings.blockSize(), window,
                timeoutOption(settings.replyTimeout()), OptionalLong.of(source.size()));
        CompletableFuture<TransferResult> result = new CompletableFuture<>();
        open(request, new TftpSendSession(request, source, listener, result, options), result);
        return result;
    }

    /** RFC 2349 {@code timeout}: whole seconds 1..255, rounded up; none for sub-second reply timeouts. */
    static OptionalInt timeoutOption(Duration replyTimeout) {
        if (replyTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            return OptionalInt.empty();
        }
        long seconds = replyTimeout.toSeconds() + (replyTimeout.toNanosPart() > 0 ? 1 : 0);
        return OptionalInt.of((int) Math.min(255, seconds));
    }

    /** The receive buffer of one datagram: a DATA packet and a byte more, so that an oversized one shows. */
    static int datagramSize(TransferSettings settings) {
        return Math.max(4 + settings.blockSize() + 1, 1024);
    }

    /** The any-address of {@code server}'s family, so an IPv4 socket is never bound to the IPv6 wildcard. */
    private static InetAddress wildcard(InetAddress server) {
        try {
            return InetAddress.getByAddress(new byte[server.getAddress().length]);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void open(TransferRequest request, TftpClientSession session, CompletableFuture<TransferResult> result) {
        TransferSettings settings = request.settings();
        int datagram = datagramSize(settings);
        long window = (long) settings.windowSize() * (settings.blockSize() + 64);
        int receiveBuffer = (int) Math.max(MIN_RECEIVE_BUFFER, Math.min(MAX_RECEIVE_BUFFER, 2 * window));
        // One datagram per read (see ReusingRecvByteBufAllocator). Lock-step has one datagram per wake-up, and on
        // epoll the socket is watched level-triggered, so no read that can only answer EAGAIN comes between the ACK
        // and the next wait (edge-triggered epoll must read until EAGAIN). Per block: one epoll_wait, one recvmsg,
        // one sendto, as atftp. A window stays edge-triggered: Netty reads on while the last read found a datagram.
        boolean lockStep = settings.windowSize() == 1;
        ReusingRecvByteBufAllocator receiveBuffers = new ReusingRecvByteBufAllocator(datagram);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channelFactory(TftpDatagramChannels.forAddress(group, request.server().getAddress()))
                .option(ChannelOption.SO_RCVBUF, receiveBuffer)
                .option(ChannelOption.RCVBUF_ALLOCATOR, receiveBuffers)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel channel) {
                        // The session is the whole pipeline: it reads and writes datagrams itself, through TftpCodec
                        // and, for DATA and ACK, the download's hot path (no handler hop per packet).
                        channel.pipeline().addLast(session);
                    }
                });
        if (lockStep && TftpDatagramChannels.nativeTransport(group)) {
            bootstrap.option(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED);
        }
        InetSocketAddress local = request.localAddress().map(address -> new InetSocketAddress(address, 0))
                .orElseGet(() -> new InetSocketAddress(wildcard(request.server().getAddress()), 0));
        ChannelFuture bind = bootstrap.bind(local);
        Channel channel = bind.channel();
        channel.closeFuture().addListener(closed -> receiveBuffers.release());
        bind.addListener(done -> {
            if (!done.isSuccess()) {
                result.completeExceptionally(new TransferException(TransferError.HOST_UNREACHABLE, false,
                        "cannot bind " + local + ": " + done.cause().getMessage(), done.cause()));
            }
        });
        // Cancellation (or any failure) closes the socket at once; success closes it from the session.
        result.whenComplete((done, failure) -> {
            if (failure != null) {
                channel.close();
            }
        });
    }
}
