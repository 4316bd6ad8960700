package dev.ioslab.transfer.tftp;

import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferRequest;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.TransferSettings;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every client transfer does the same way, whichever direction: the transfer ID (RFC 1350 section 4), the
 * retransmission clock, ERROR replies, the mapping of server errors to {@link TransferError}, and the one way a
 * transfer ends (future completed once, clock stopped, socket closed). Subclasses hold the state machine of one
 * direction.
 *
 * <p>Threading: every method runs on the channel's event loop; the future may be completed (cancelled) from any
 * thread, which is why the sink and source are only touched after checking it.
 */
abstract class TftpClientSession extends ChannelInboundHandlerAdapter implements RetransmitTimer.Owner {

    private static final Logger LOG = LoggerFactory.getLogger(TftpClientSession.class);

    protected final TransferRequest request;
    protected final TransferListener listener;
    protected final CompletableFuture<TransferResult> result;
    protected Channel channel;
    protected RetransmitTimer timer;
    private DirectDatagramSender sender;
    /** Whether DATA has moved (IOS then says "reading"/"writing" rather than "opening"). */
    protected boolean dataStarted;

    /** The server's transfer ID, locked at its first reply; null before. */
    private InetSocketAddress peer;
    /** The peer was just locked: connect the socket to it once the datagram that locked it is handled. */
    private boolean connectPending;
    /** Whether the socket is connected to the peer ({@link PeerConnector}). */
    private boolean connected;
    private boolean ended;
    /** The 4 bytes of every ACK, written again for each one. */
    private final ReusableBuffer acks = new ReusableBuffer(TftpDataHeader.LENGTH);
    /** Ended successfully but still reading, to answer a peer that missed the end (see {@link #succeed}). */
    private boolean lingering;

    TftpClientSession(TransferRequest request, TransferListener listener, CompletableFuture<TransferResult> result) {
        this.request = request;
        this.listener = listener;
        this.result = result;
    }

    /** Sends the request; the channel is bound. */
    protected abstract void start();

    /** A well-formed packet from the locked peer (or the server's first reply). */
    protected abstract void onPacket(TftpPacket packet);

    @Override
    public final void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        sender = new DirectDatagramSender(channel);
        TransferSettings settings = request.settings();
        timer = new RetransmitTimer(channel.eventLoop(), settings.replyTimeout(), settings.idleTimeout(),
                settings.retries(), this);
        if (result.isDone()) {
            channel.close();
            return;
        }
        LOG.debug("{}: TFTP {} {} from {}", request.device(), getClass().getSimpleName(), request.url(),
                channel.localAddress());
        start();
        ctx.fireChannelActive();
    }

    @Override
    public final void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof DatagramPacket datagram)) {
            ReferenceCountUtil.release(message);
            return;
        }
        try {
            read(datagram.content(), datagram.sender());
        } finally {
            datagram.release();
        }
        if (connectPending) {
            connectPending = false;
            connectToPeer();
        }
    }

    /**
     * Connects a native socket to the locked peer ({@link PeerConnector}): the rest of the transfer takes the kernel's
     * and Netty's connected paths, while a second socket on the same port keeps answering strangers. Lock-step
     * transfers only, where every wake-up reads one datagram and the connected path saves a share of its cost
     * (bench/results/tftp-client-2026-12-05-connected.txt); with a window the client, cheaper per datagram, was woken
     * more often for fewer datagrams each, and windowed downloads came out slower.
     */
    private void connectToPeer() {
        if (ended || !channel.isOpen() || request.settings().windowSize() != 1) {
            return;
        }
        int datagramSize = TftpClient.datagramSize(request.settings());
        PeerConnector.connect(channel, peer, datagramSize, this::read, () -> {
            connected = true;
            sender.connected(peer);
            LOG.debug("{}: TFTP socket {} connected to {}", request.device(), channel.localAddress(), peer);
        });
    }

    /**
     * One datagram. DATA from the peer takes the hot path: its header is read in place and its content handed on
     * without a packet record ({@link TftpDataHeader}); everything else goes through {@link TftpCodec#decode}.
     */
    private void read(ByteBuf bytes, InetSocketAddress sender) {
        if (ended && !lingering) {
            return;
        }
        int block = TftpDataHeader.block(bytes);
        if (block != TftpDataHeader.NOT_DATA && lockPeer(sender)) {
            if (LOG.isTraceEnabled()) {
                LOG.trace("{}: TFTP <- {} DATA {} ({} bytes)", request.device(), sender, block,
                        bytes.readableBytes() - TftpDataHeader.LENGTH);
            }
            onData(block, bytes.skipBytes(TftpDataHeader.LENGTH));
            return;
        }
        TftpDecoding decoding = TftpCodec.decode(bytes);
        if (decoding instanceof TftpDecoding.Packet decoded) {
            TftpPacket packet = decoded.packet();
            try {
                readPacket(packet, sender);
            } finally {
                if (packet instanceof TftpPacket.Data data) {
                    data.content().release();
                }
            }
        } else if (!ended && lockPeer(sender)) {
            fail(TftpPacket.Error.of(TftpErrorCode.ILLEGAL_OPERATION), new TransferException(
                    TransferError.PROTOCOL_ERROR, dataStarted,
                    "malformed packet from server: " + ((TftpDecoding.Malformed) decoding).reason()));
        }
    }

    private void readPacket(TftpPacket packet, InetSocketAddress sender) {
        if (!lockPeer(sender)) {
            strayPacket(packet, sender);
            return;
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("{}: TFTP <- {} {}", request.device(), sender, packet);
        }
        onPacket(packet);
    }

    /**
     * DATA {@code block} from the peer; {@code content}'s readable bytes are the block, valid during the call only
     * (the datagram is released after it). Sessions that take DATA override this; by default the packet goes to
     * {@link #onPacket} like any other.
     */
    protected void onData(int block, ByteBuf content) {
        onPacket(new TftpPacket.Data(block, content));
    }

    /** RFC 1350 section 4: a packet from another port is answered with ERROR 5 and does not disturb the transfer. */
    private void strayPacket(TftpPacket packet, InetSocketAddress sender) {
        LOG.debug("{}: TFTP packet from unknown transfer ID {} ignored", request.device(), sender);
        if (!(packet instanceof TftpPacket.Error)) {
            sendTo(TftpPacket.Error.of(TftpErrorCode.UNKNOWN_TRANSFER_ID), sender);
        }
    }

    /**
     * Whether {@code sender} is the peer; the first reply from the server's address locks the transfer ID (RFC 1350
     * section 4: the server answers from a port of its choosing, and that port is the transfer from then on).
     */
    private boolean lockPeer(InetSocketAddress sender) {
        if (peer == null && sender.getAddress().equals(request.server().getAddress())) {
            peer = sender;
            connectPending = true;
        }
        return sender.equals(peer);
    }

    /** The server's transfer ID once locked, else where requests go. */
    protected final InetSocketAddress peer() {
        return peer != null ? peer : request.server();
    }

    /** Sends {@code packet} to the peer (the server's request port before the first reply). */
    protected final void send(TftpPacket packet) {
        sendTo(packet, peer());
    }

    private void sendTo(TftpPacket packet, InetSocketAddress to) {
        sender.send(TftpCodec.encode(packet, channel.alloc()), to);
    }

    /**
     * Sends ACK {@code block} to the peer, the hot path of a download: 4 bytes written into a reused buffer and sent
     * without a packet record or a trip through the pipeline.
     */
    protected final void sendAck(int block) {
        sender.send(TftpCodec.writeAck(block, acks.take(channel.alloc())), peer());
    }

    /** Whether the transfer may still touch the sink or source (not ended, not cancelled by the caller). */
    protected final boolean active() {
        return !ended && !result.isDone();
    }

    protected final boolean ended() {
        return ended;
    }

    /** The server sent ERROR: ends the transfer with the matching {@link TransferError}; no reply (RFC 1350). */
    protected final void serverError(TftpPacket.Error error) {
        TransferError mapped = switch (error.code()) {
            case FILE_NOT_FOUND -> TransferError.NO_SUCH_FILE;
            case ACCESS_VIOLATION -> TransferError.PERMISSION_DENIED;
            case DISK_FULL -> TransferError.REMOTE_FULL;
            default -> TransferError.REMOTE_ERROR;
        };
        fail(null, new TransferException(mapped, dataStarted,
                "server error " + error.code().code() + ": " + error.message()));
    }

    /** The peer broke the protocol: ERROR 4, then fail with PROTOCOL_ERROR. */
    protected final void illegal(String what) {
        fail(TftpPacket.Error.of(TftpErrorCode.ILLEGAL_OPERATION),
                new TransferException(TransferError.PROTOCOL_ERROR, dataStarted, what));
    }

    /** Ends the transfer with {@code failure}, first telling the peer with {@code error} when not null. */
    protected final void fail(TftpPacket.Error error, Throwable failure) {
        if (ended) {
            return;
        }
        if (error != null && channel.isActive()) {
            send(error);
        }
        end();
        LOG.debug("{}: TFTP {} failed: {}", request.device(), request.url(), failure.getMessage());
        result.completeExceptionally(failure);
        channel.close();
    }

    /**
     * Ends the transfer successfully: the future completes now, while the socket stays open for {@code linger} so the
     * session can still answer a peer that missed the end; the sink or source is never called again.
     */
    protected final void succeed(long bytes, Duration linger) {
        if (ended) {
            return;
        }
        end();
        LOG.debug("{}: TFTP {} done, {} bytes", request.device(), request.url(), bytes);
        result.complete(new TransferResult(bytes, peer()));
        lingering = !linger.isZero();
        if (!lingering) {
            channel.close();
        } else {
            channel.eventLoop().schedule(() -> channel.close(), linger.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void end() {
        ended = true;
        timer.stop();
        acks.release();
        release();
    }

    /** Frees what the session holds (buffers); called once when the transfer ends. */
    protected void release() {
    }

    @Override
    public final void timedOut(int attempts) {
        fail(null, new TransferException(TransferError.TIMED_OUT, dataStarted,
                "no reply from " + peer() + " after " + attempts + " retransmissions"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (connected && cause instanceof PortUnreachableException) {
            // An ICMP port unreachable, which only a connected socket hears of (typically the answer to a late
            // retransmission once the server has closed its port): as on an unconnected socket, the retransmission
            // clock decides, and a reply already queued still ends the transfer.
            LOG.debug("{}: TFTP {} ignored: {}", request.device(), peer, cause.getMessage());
            return;
        }
        TransferError error = cause instanceof PortUnreachableException ? TransferError.TIMED_OUT
                : cause instanceof NoRouteToHostException ? TransferError.HOST_UNREACHABLE
                : TransferError.REMOTE_ERROR;
        fail(null, new TransferException(error, dataStarted, "socket error: " + cause.getMessage(), cause));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!ended) {
            fail(null, new TransferException(TransferError.CONNECTION_CLOSED, dataStarted, "socket closed"));
        }
        ctx.fireChannelInactive();
    }

    /** A local failure of the sink or source: tell the server with {@code code}, then pass the exception on. */
    protected final void localFailure(TftpErrorCode code, String message, Exception failure) {
        fail(new TftpPacket.Error(code, message), failure);
    }
}
