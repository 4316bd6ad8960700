package dev.ioslab.transfer.ftp;

import dev.ioslab.transfer.TransferSource;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;

/**
 * Reads the source in chunks into pooled direct buffers and writes them to the data connection only while the
 * channel is writable, resuming when it becomes writable again: at most one chunk and the channel's high-water
 * mark are in memory, whatever the file's size. Closes the connection after the last byte (RFC 959 §3.3: in stream
 * mode the end of file is the close). Used only on the transfer's event loop.
 */
final class UploadHandler extends DataHandler {

    static final int CHUNK = 64 * 1024;

    private final TransferSource source;
    private final TransferFuture future;
    private ChannelHandlerContext context;
    private boolean running;
    private boolean pumping;
    private boolean finished;
    private long sent;

    UploadHandler(FtpSession session, TransferSource source, TransferFuture future) {
        super(session);
        this.source = source;
        this.future = future;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    void begin() {
        running = true;
        pump();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            pump();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        running = false;
        session.dataEnded(sent, finished);
        ctx.fireChannelInactive();
    }

    private void pump() {
        // A flush inside the loop may report writability at once; the guard keeps that from re-entering the loop.
        if (pumping || !running || finished) {
            return;
        }
        pumping = true;
        Channel channel = context.channel();
        try {
            while (running && !finished) {
                if (!channel.isWritable()) {
                    channel.flush();
                    if (!channel.isWritable()) {
                        break;
                    }
                }
                if (!writeChunk(channel)) {
                    break;
                }
            }
            channel.flush();
        } catch (IOException | RuntimeException sourceFailure) {
            running = false;
            session.fail(sourceFailure);
        } finally {
            pumping = false;
        }
    }

    /** Reads and writes one chunk; false when the loop must stop (end of source, transfer over, or no bytes now). */
    private boolean writeChunk(Channel channel) throws IOException {
        ByteBuf chunk = channel.alloc().directBuffer(CHUNK);
        int read;
        try {
            read = future.read(source, chunk.nioBuffer(chunk.writerIndex(), CHUNK));
        } catch (IOException | RuntimeException failure) {
            chunk.release();
            throw failure;
        }
        if (read <= 0) {
            chunk.release();
            if (read == TransferFuture.SHUT) {
                running = false;
            } else if (read < 0) {
                finish(channel);
            } else {
                // A source with nothing right now: try again later rather than spin on the event loop.
                channel.eventLoop().execute(this::pump);
            }
            return false;
        }
        chunk.writerIndex(read);
        sent += read;
        channel.write(chunk, channel.voidPromise());
        session.dataMoved(sent);
        return true;
    }

    private void finish(Channel channel) {
        finished = true;
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) flushed -> {
            if (flushed.isSuccess()) {
                flushed.channel().close();
            } else {
                session.dataFailed(flushed.cause());
            }
        });
    }
}
