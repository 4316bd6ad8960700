package dev.ioslab.imageserver.tftp;

import dev.ioslab.transfer.tftp.MalformedTftpDatagram;
import dev.ioslab.transfer.tftp.RetransmitTimer;
import dev.ioslab.transfer.tftp.TftpDatagram;
import dev.ioslab.transfer.tftp.TftpErrorCode;
import dev.ioslab.transfer.tftp.TftpPacket;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transfer of the embedded server on its own socket (its transfer ID, RFC 1350 section 4): packets from any other
 * address or port get ERROR 5 and change nothing; a malformed packet from the client gets ERROR 4 and ends the
 * transfer; the retransmission clock resends and finally gives up. Every transfer is logged once at INFO when it ends
 * (client, file, bytes, time, result), and its slot is returned to the server when its socket closes (after the
 * dally that may follow a completed upload).
 *
 * <p>Threading: the transfer channel's event loop only.
 */
abstract class TftpServerSession extends ChannelInboundHandlerAdapter implements RetransmitTimer.Owner {

    private static final Logger LOG = LoggerFactory.getLogger(TftpServer.class);
    /** Retransmissions of one packet before the client is given up. */
    static final int RETRIES = 5;
    /** How long a transfer may stand still in all. */
    static final Duration IDLE_LIMIT = Duration.ofSeconds(30);

    protected final InetSocketAddress client;
    protected final String file;
    protected final ServerOptions options;
    protected Channel channel;
    protected RetransmitTimer timer;
    protected long bytes;
    private final Runnable onEnd;
    private final long startNanos = System.nanoTime();
    private boolean ended;
    private boolean lingering;

    TftpServerSession(InetSocketAddress client, String file, ServerOptions options, Runnable onEnd) {
        this.client = client;
        this.file = file;
        this.options = options;
        this.onEnd = onEnd;
    }

    /** "read" or "write", for the log. */
    protected abstract String direction();

    /** Sends the first packet (OACK, DATA 1 or ACK 0). */
    protected abstract void start();

    /** A well-formed packet from the client. */
    protected abstract void onPacket(TftpPacket packet);

    /** Frees files and buffers; called once when the transfer ends. */
    protected abstract void release(boolean success);

    @Override
    public final void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        timer = new RetransmitTimer(channel.eventLoop(), options.retransmit(), IDLE_LIMIT, RETRIES, this);
        start();
        ctx.fireChannelActive();
    }

    @Override
    public final void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof TftpDatagram datagram) {
            try {
                read(datagram);
            } finally {
                if (datagram.packet() instanceof TftpPacket.Data data) {
                    data.content().release();
                }
            }
        } else if (message instanceof MalformedTftpDatagram malformed && malformed.peer().equals(client)
                && !ended) {
            fail(TftpPacket.Error.of(TftpErrorCode.ILLEGAL_OPERATION), "malformed packet: " + malformed.reason());
        }
    }

    private void read(TftpDatagram datagram) {
        if (!datagram.peer().equals(client)) {
            // RFC 1350 section 4: a packet for another transfer ID.
            if (!(datagram.packet() instanceof TftpPacket.Error)) {
                channel.writeAndFlush(new TftpDatagram(TftpPacket.Error.of(TftpErrorCode.UNKNOWN_TRANSFER_ID),
                        datagram.peer()));
            }
            return;
        }
        if (ended && !lingering) {
            return;
        }
        if (datagram.packet() instanceof TftpPacket.Error error) {
            if (!ended) {
                end(false, "client error " + error.code().code() + ": " + error.message());
            }
            return;
        }
        onPacket(datagram.packet());
    }

    protected final boolean ended() {
        return ended;
    }

    protected final void send(TftpPacket packet) {
        channel.writeAndFlush(new TftpDatagram(packet, client), channel.voidPromise());
    }

    /** Ends the transfer after telling the client with {@code error}. */
    protected final void fail(TftpPacket.Error error, String reason) {
        end(false, reason, Duration.ZERO, error);
    }

    /** The client broke the protocol. */
    protected final void illegal(String what) {
        fail(TftpPacket.Error.of(TftpErrorCode.ILLEGAL_OPERATION), what);
    }

    /**
     * Ends the transfer; after a success the socket may stay open for {@code linger} so the session can still answer
     * a client that missed the end.
     */
    protected final void end(boolean success, String result, Duration linger) {
        end(success, result, linger, null);
    }

    /**
     * Ends the transfer; {@code tell}, when not null, goes to the client after the session's resources are released,
     * so a client told of a failed upload never finds its partial file still on the server's disk.
     */
    private void end(boolean success, String result, Duration linger, TftpPacket.Error tell) {
        if (ended) {
            return;
        }
        ended = true;
        timer.stop();
        release(success);
        if (tell != null && channel.isActive()) {
            send(tell);
        }
        // The slot is the socket: it is returned when the socket closes, after a dally too, so that at most
        // maxTransfers transfer sockets are ever open.
        channel.closeFuture().addListener(closed -> onEnd.run());
        LOG.info("TFTP {} {} {} {}: {} bytes in {} ms, {}", direction(), file, success ? "with" : "failed with",
                client, bytes, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), result);
        lingering = success && !linger.isZero();
        if (lingering) {
            channel.eventLoop().schedule(() -> channel.close(), linger.toNanos(), TimeUnit.NANOSECONDS);
        } else {
            channel.close();
        }
    }

    protected final void end(boolean success, String result) {
        end(success, result, Duration.ZERO);
    }

    @Override
    public final void timedOut(int attempts) {
        end(false, "timed out after " + attempts + " retransmissions");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        end(false, "socket error: " + cause.getMessage());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end(false, "socket closed");
        ctx.fireChannelInactive();
    }
}
