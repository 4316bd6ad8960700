package dev.ioslab.imageserver.tftp;

import dev.ioslab.transfer.tftp.TftpCodec;
import dev.ioslab.transfer.tftp.TftpDatagramChannels;
import dev.ioslab.transfer.tftp.TftpDecoder;
import dev.ioslab.transfer.tftp.TftpEncoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded TFTP image server (RFC 1350, options of RFC 2347, 2348, 2349 and 7440) on Netty UDP channels: serves
 * the files under a root folder, and takes uploads into an upload folder when one is given (written to a hidden temp
 * file, renamed into place when complete, removed on failure). Each transfer gets its own socket (its transfer ID) on
 * the bind address; at most {@code maxTransfers} run at once, and a request above that gets ERROR 0 "Server busy".
 * Names are checked against their folder: {@code ..}, absolute paths elsewhere, links that lead out and hidden names
 * are refused with ERROR 2. Files go out as stored: a netascii request is served like an octet one (images are
 * binary), mail mode is refused. Each transfer is logged at INFO when it ends.
 *
 * <p>Threading: requests and transfers run on {@code group}'s event loops; files are read and written there block by
 * block (local disk), and an upload's final fsync and rename run on {@code fileIo}. {@link #start()} and
 * {@link #close()} may be called from any thread.
 */
public final class TftpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TftpServer.class);
    /** Suffix of upload temp files; they are hidden (a dot first) and removed at start. */
    static final String TEMP_SUFFIX = ".tftp-part";

    private static final ChannelHandler DECODER = new TftpDecoder();
    private static final ChannelHandler ENCODER = new TftpEncoder();

    private final InetSocketAddress bind;
    private final Path root;
    private final Optional<Path> uploadDir;
    private final EventLoopGroup group;
    private final int maxTransfers;
    private final Executor fileIo;
    private final ChannelGroup channels = new DefaultChannelGroup("tftp-server", GlobalEventExecutor.INSTANCE);
    private volatile Channel listener;

    /** A server that forces and renames uploads on the common fork-join pool. */
    public TftpServer(InetSocketAddress bind, Path root, Optional<Path> uploadDir, EventLoopGroup group,
                      int maxTransfers) {
        this(bind, root, uploadDir, group, maxTransfers, ForkJoinPool.commonPool());
    }

    /**
     * A server on {@code bind} (port 0 picks one) serving {@code root}, taking uploads into {@code uploadDir} when
     * present, running at most {@code maxTransfers} transfers at once, with blocking file work on {@code fileIo}.
     */
    public TftpServer(InetSocketAddress bind, Path root, Optional<Path> uploadDir, EventLoopGroup group,
                      int maxTransfers, Executor fileIo) {
        if (maxTransfers < 1) {
            throw new IllegalArgumentException("maxTransfers must be at least 1: " + maxTransfers);
        }
        this.bind = bind;
        this.root = root;
        this.uploadDir = uploadDir;
        this.group = group;
        this.maxTransfers = maxTransfers;
        this.fileIo = fileIo;
    }

    /**
     * Checks the folders, removes upload leftovers and binds; completes with the address bound (the real port when
     * {@code bind} had port 0), or fails with the {@link IOException} that prevented it.
     */
    public CompletableFuture<InetSocketAddress> start() {
        CompletableFuture<InetSocketAddress> started = new CompletableFuture<>();
        TftpRequestHandler requests;
        try {
            ServedFiles served = new ServedFiles(root);
            Optional<ServedFiles> uploads = uploadDir.isPresent()
                    ? Optional.of(new ServedFiles(uploadDir.get())) : Optional.empty();
            if (uploads.isPresent()) {
                removeLeftovers(uploads.get().base());
            }
            requests = new TftpRequestHandler(served, uploads, maxTransfers, this::openTransfer, fileIo);
        } catch (IOException | UncheckedIOException failure) {
            started.completeExceptionally(failure);
            return started;
        }
        ChannelFuture bound = new Bootstrap().group(group)
                .channelFactory(TftpDatagramChannels.forAddress(bind.getAddress()))
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(TftpCodec.MAX_DATAGRAM + 1))
                .option(ChannelOption.SO_RCVBUF, 1 << 20)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel channel) {
                        channel.pipeline().addLast(DECODER, ENCODER, requests);
                    }
                })
                .bind(bind);
        bound.addListener(done -> {
            if (!done.isSuccess()) {
                started.completeExceptionally(done.cause());
                return;
            }
            listener = bound.channel();
            channels.add(bound.channel());
            InetSocketAddress local = (InetSocketAddress) bound.channel().localAddress();
            LOG.info("TFTP server on {} serving {}{}", local, root,
                    uploadDir.map(folder -> ", uploads into " + folder).orElse(""));
            started.complete(local);
        });
        return started;
    }

    /**
     * Whether {@code fileName} is the hidden temp file of an upload in progress (or one a crash left), which another
     * server over the same folder must not show or serve: it becomes the real file only when complete.
     */
    public static boolean isUploadInProgress(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(TEMP_SUFFIX);
    }

    /** Opens a transfer's own socket on the bind address; {@code session} takes over from there. */
    private CompletableFuture<Channel> openTransfer(TftpServerSession session, int blockSize, int windowSize) {
        CompletableFuture<Channel> opened = new CompletableFuture<>();
        int receiveBuffer = (int) Math.min(4 << 20, Math.max(256 << 10, 2L * windowSize * (blockSize + 64)));
        ChannelFuture bound = new Bootstrap().group(group)
                .channelFactory(TftpDatagramChannels.forAddress(bind.getAddress()))
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(Math.max(1024, blockSize + 5)))
                .option(ChannelOption.SO_RCVBUF, receiveBuffer)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel channel) {
                        channel.pipeline().addLast(DECODER, ENCODER, session);
                    }
                })
                .bind(new InetSocketAddress(bind.getAddress(), 0));
        bound.addListener(done -> {
            if (done.isSuccess()) {
                channels.add(bound.channel());
                opened.complete(bound.channel());
            } else {
                opened.completeExceptionally(done.cause());
            }
        });
        return opened;
    }

    /** Removes the temp files a crash left in {@code folder} and its subfolders (uploads may go into those too). */
    private static void removeLeftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path leftover : files.filter(f -> isUploadInProgress(f.getFileName().toString())).toList()) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** The bound address, once started. */
    public Optional<InetSocketAddress> address() {
        Channel channel = listener;
        return channel == null ? Optional.empty() : Optional.of((InetSocketAddress) channel.localAddress());
    }

    /**
     * Stops listening and ends every transfer (their sockets close, temp files are removed); waits for the sockets
     * to close, so it must not be called on an event loop.
     */
    @Override
    public void close() {
        channels.close().awaitUninterruptibly();
    }
}
