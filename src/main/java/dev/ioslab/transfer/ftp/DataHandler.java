package dev.ioslab.transfer.ftp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * The last handler of a data connection: tells the {@link FtpSession} when the connection opens, stands still or
 * breaks, and moves the bytes in one direction ({@link DownloadHandler}, {@link UploadHandler}). Used only on the
 * control connection's event loop, which the data connection shares.
 */
abstract class DataHandler extends ChannelInboundHandlerAdapter {

    protected final FtpSession session;

    protected DataHandler(FtpSession session) {
        this.session = session;
    }

    /** The server accepted the transfer and the connection is open: bytes may flow. */
    abstract void begin();

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        session.dataActive(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            session.dataIdle();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        session.dataFailed(cause);
    }
}
