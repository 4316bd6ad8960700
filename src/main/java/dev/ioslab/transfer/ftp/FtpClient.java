package dev.ioslab.transfer.ftp;

import dev.ioslab.transfer.TransferClient;
import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferRequest;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.TransferSink;
import dev.ioslab.transfer.TransferSource;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * The device's FTP client (RFC 959, with RFC 2428's EPSV/EPRT and RFC 3659's SIZE): binary image transfers in
 * stream mode, passive by default ({@code EPSV}, then {@code PASV}), active when the settings say so ({@code EPRT},
 * then {@code PORT}). The remote path is the URL's path verbatim, relative to the login directory unless it starts
 * with a slash ({@code ftp://h//abs/x}). Without credentials in the request it logs in as {@code anonymous}.
 *
 * <p>Keeps {@link TransferClient}'s contract: failures are {@link dev.ioslab.transfer.TransferException}s except the
 * sink's or source's own exception; every socket (control, data, active listener, each bound to the request's
 * local address when it has one) is closed before the client completes the future, and at once on the transfer's
 * event loop after the caller's {@code cancel}; the sink and source are never called after the future is done
 * ({@code cancel} waits for a sink or source call in progress to return). {@link TransferListener#started} is
 * called when the server has accepted RETR/STOR and the data connection is open (the moment IOS's "opening" errors
 * become "reading"/"writing" errors); the passive data connection goes to the control connection's address, never
 * to another host a {@code 227} reply names. Server text that echoes the password is masked.
 *
 * <p>Threading: each transfer runs on one event loop of the group, which its control and data connections share;
 * the sink and source are called on that loop, and a slow disk write paces the transfer. Needs an NIO group. The
 * client itself is immutable and serves any number of concurrent transfers.
 */
public final class FtpClient implements TransferClient {

    private final EventLoopGroup group;

    /** A client whose connections run on {@code group} (an {@link io.netty.channel.nio.NioEventLoopGroup}). */
    public FtpClient(EventLoopGroup group) {
        this.group = Objects.requireNonNull(group, "group");
    }

    @Override
    public CompletableFuture<TransferResult> download(TransferRequest request, TransferSink sink,
                                                      TransferListener listener) {
        return start(request, new FtpTransfer.Retrieve(Objects.requireNonNull(sink, "sink")), listener);
    }

    @Override
    public CompletableFuture<TransferResult> upload(TransferRequest request, TransferSource source,
                                                    TransferListener listener) {
        return start(request, new FtpTransfer.Store(Objects.requireNonNull(source, "source")), listener);
    }

    private CompletableFuture<TransferResult> start(TransferRequest request, FtpTransfer transfer,
                                                    TransferListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        TransferFuture future = new TransferFuture();
        String path = request.url().path();
        if (path.isEmpty() || !FtpCommand.isSafeArgument(path)) {
            future.completeExceptionally(new TransferException(TransferError.NO_SUCH_FILE, false,
                    "an FTP path must be non-empty and hold no CR, LF or NUL"));
            return future;
        }
        // A percent-encoded line break in the URL's user or password would end USER/PASS early (RFC 959 §4.1.1).
        if (request.credentials().filter(login -> !FtpCommand.isSafeArgument(login.user())
                || !FtpCommand.isSafeArgument(login.password())).isPresent()) {
            future.completeExceptionally(new TransferException(TransferError.LOGIN_FAILED, false,
                    "an FTP user or password must hold no CR, LF or NUL"));
            return future;
        }
        FtpSession session = new FtpSession(request, transfer, listener, future);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Deadline.millis(request.settings().connectTimeout()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new FtpReplyDecoder(), new FtpCommandEncoder(), session);
                    }
                });
        ChannelFuture connected = request.localAddress()
                .map(local -> bootstrap.connect(request.server(), new InetSocketAddress(local, 0)))
                .orElseGet(() -> bootstrap.connect(request.server()));
        Channel control = connected.channel();
        connected.addListener((ChannelFutureListener) done -> {
            if (!done.isSuccess()) {
                session.fail(FtpFailures.network(done.cause(), "control connection to " + request.server(), false));
            }
        });
        // The caller's cancel (or any completion) closes every channel, on the loop that owns them.
        future.whenComplete((result, failure) -> {
            try {
                control.eventLoop().execute(session::abort);
            } catch (RejectedExecutionException loopGone) {
                control.close();
            }
        });
        return future;
    }
}
