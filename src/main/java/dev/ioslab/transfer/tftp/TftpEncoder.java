package dev.ioslab.transfer.tftp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.netty.util.ReferenceCountUtil;
import java.util.List;

/**
 * Turns each outbound {@link TftpDatagram} into a {@link DatagramPacket} addressed to its peer; a DATA packet's
 * content is released once copied. Stateless, so one instance may serve many channels.
 */
@ChannelHandler.Sharable
public final class TftpEncoder extends MessageToMessageEncoder<TftpDatagram> {

    @Override
    protected void encode(ChannelHandlerContext ctx, TftpDatagram datagram, List<Object> out) {
        try {
            out.add(new DatagramPacket(TftpCodec.encode(datagram.packet(), ctx.alloc()), datagram.peer()));
        } finally {
            if (datagram.packet() instanceof TftpPacket.Data data) {
                ReferenceCountUtil.release(data.content());
            }
        }
    }
}
