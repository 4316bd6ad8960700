package dev.ioslab.frontend.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes {@link TelnetMessage}s as Telnet bytes: data and subnegotiation parameters with every 255 doubled (RFC 854,
 * RFC 855), commands and negotiations as {@code IAC} sequences. Stateless and therefore shared by all channels.
 */
@Sharable
public final class TelnetEncoder extends MessageToByteEncoder<TelnetMessage> {

    private static final byte IAC = TelnetCommand.IAC.wireByte();

    /** Creates the encoder. */
    public TelnetEncoder() {
        super(TelnetMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, TelnetMessage message, ByteBuf out) {
        if (message instanceof TelnetMessage.Data data) {
            writeEscaped(data.bytes(), out);
        } else if (message instanceof TelnetMessage.Command command) {
            out.writeByte(IAC).writeByte(command.command().wireByte());
        } else if (message instanceof TelnetMessage.Negotiation negotiation) {
            out.writeByte(IAC).writeByte(negotiation.verb().wireByte()).writeByte(negotiation.option());
        } else if (message instanceof TelnetMessage.Subnegotiation sub) {
            out.writeByte(IAC).writeByte(TelnetCommand.SB.wireByte()).writeByte(sub.option());
            writeEscaped(sub.parameters(), out);
            out.writeByte(IAC).writeByte(TelnetCommand.SE.wireByte());
        } else {
            throw new IllegalArgumentException("unknown Telnet message " + message);
        }
    }

    private static void writeEscaped(byte[] bytes, ByteBuf out) {
        out.ensureWritable(bytes.length);
        for (byte b : bytes) {
            out.writeByte(b);
            if (b == IAC) {
                out.writeByte(IAC);
            }
        }
    }
}
