package dev.ioslab.transfer.tftp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Turns each {@link DatagramPacket} into a {@link TftpDatagram}, or a {@link MalformedTftpDatagram} when
 * {@link TftpCodec#decode} refuses it; never throws on bad input. Stateless, so one instance may serve many channels.
 */
@ChannelHandler.Sharable
public final class TftpDecoder extends MessageToMessageDecoder<DatagramPacket> {

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket datagram, List<Object> out) {
        TftpDecoding decoding = TftpCodec.decode(datagram.content());
        if (decoding instanceof TftpDecoding.Packet packet) {
            out.add(new TftpDatagram(packet.packet(), datagram.sender()));
        } else {
            out.add(new MalformedTftpDatagram(datagram.sender(), ((TftpDecoding.Malformed) decoding).reason()));
        }
    }
}
