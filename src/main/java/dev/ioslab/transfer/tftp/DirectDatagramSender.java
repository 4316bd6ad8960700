package dev.ioslab.transfer.tftp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Sends a client session's datagrams (above all the ACK of each block of a download) straight to the socket of a native
 * epoll channel, one {@code sendto} without Netty's outbound path (pipeline, outbound buffer, flush), which was a
 * measurable share of the client's CPU per block. Whenever the direct send does not apply it falls back to the
 * channel's own {@code writeAndFlush}: a NIO channel, a heap buffer, a closed channel, datagrams already queued in the
 * channel (so order is kept), a full socket buffer, or an error, which the channel's write then meets and reports as
 * usual.
 *
 * <p>Threading: the channel's event loop only (the socket is closed on that loop too, so an open check holds until the
 * send).
 */
final class DirectDatagramSender {

    private final Channel channel;
    /** The channel's socket when it is a native one, else null. */
    private final Socket socket;
    /** The peer the socket is connected to ({@link PeerConnector}), else null. */
    private InetSocketAddress connectedPeer;

    DirectDatagramSender(Channel channel) {
        this.channel = channel;
        this.socket = channel instanceof EpollDatagramChannel epoll && epoll.fd() instanceof Socket unix
                ? unix : null;
    }

    /**
     * The socket is now connected to {@code peer}: datagrams to that very address object go out with {@code send},
     * without an address, on the socket's cached route.
     */
    void connected(InetSocketAddress peer) {
        connectedPeer = peer;
    }

    /** Sends the readable bytes of {@code datagram} to {@code to}; takes the caller's reference and releases it. */
    void send(ByteBuf datagram, InetSocketAddress to) {
        if (socket != null && datagram.hasMemoryAddress() && channel.isOpen() && nothingQueued()) {
            int length = datagram.readableBytes();
            long address = datagram.memoryAddress();
            try {
                int sent = to == connectedPeer
                        ? socket.sendAddress(address, datagram.readerIndex(), datagram.writerIndex())
                        : socket.sendToAddress(address, datagram.readerIndex(), datagram.writerIndex(),
                                to.getAddress(), to.getPort());
                if (sent == length) {
                    datagram.release();
                    return;
                }
            } catch (IOException failed) {
                // Not sent: the channel's write below meets the same error and reports it to the pipeline.
            }
        }
        channel.writeAndFlush(new DatagramPacket(datagram, to), channel.voidPromise());
    }

    private boolean nothingQueued() {
        ChannelOutboundBuffer queued = channel.unsafe().outboundBuffer();
        return queued != null && queued.isEmpty();
    }
}
