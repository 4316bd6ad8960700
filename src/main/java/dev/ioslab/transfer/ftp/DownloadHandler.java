package dev.ioslab.transfer.ftp;

import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferSink;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * Hands every buffer the data connection reads straight to the sink, in order, without keeping any: the sink's
 * write paces the reads (the event loop reads nothing while the sink writes). Refuses, before it reaches the sink,
 * any byte beyond the size the server announced. Used only on the transfer's event loop.
 */
final class DownloadHandler extends DataHandler {

    private final TransferSink sink;
    private final TransferFuture future;
    private final OptionalLong expectedSize;
    private long received;

    DownloadHandler(FtpSession session, TransferSink sink, TransferFuture future, OptionalLong expectedSize) {
        super(session);
        this.sink = sink;
        this.future = future;
        this.expectedSize = expectedSize;
    }

    @Override
    void begin() {
        // Reading is always on: the server starts sending when it has accepted RETR.
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf bytes = (ByteBuf) message;
        try {
            int length = bytes.readableBytes();
            if (length == 0) {
                return;
            }
            if (expectedSize.isPresent() && received + length > expectedSize.getAsLong()) {
                session.fail(new TransferException(TransferError.PROTOCOL_ERROR, true, "the server sent more than the "
                        + expectedSize.getAsLong() + " bytes its SIZE reply announced"));
                return;
            }
            for (ByteBuffer part : bytes.nioBuffers()) {
                if (!future.write(sink, part)) {
                    return;
                }
            }
            received += length;
            session.dataMoved(received);
        } catch (IOException | RuntimeException sinkFailure) {
            session.fail(sinkFailure);
        } finally {
            bytes.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        boolean complete = expectedSize.isEmpty() || received == expectedSize.getAsLong();
        session.dataEnded(received, complete);
        ctx.fireChannelInactive();
    }
}
