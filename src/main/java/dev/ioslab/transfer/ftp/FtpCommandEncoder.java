package dev.ioslab.transfer.ftp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes an {@link FtpCommand} as its line and CRLF (RFC 959 §4.1.3), in UTF-8 (RFC 2640) so non-ASCII paths reach
 * servers that support them. Stateless, so one instance may serve every channel.
 */
@Sharable
final class FtpCommandEncoder extends MessageToByteEncoder<FtpCommand> {

    @Override
    protected void encode(ChannelHandlerContext ctx, FtpCommand command, ByteBuf out) {
        out.writeCharSequence(command.line(), StandardCharsets.UTF_8);
        out.writeByte('\r');
        out.writeByte('\n');
    }
}
