package dev.ioslab.imageserver.tftp;

import dev.ioslab.fs.FsError;
import dev.ioslab.fs.HostFailureCause;
import dev.ioslab.imageserver.LogText;
import dev.ioslab.transfer.tftp.MalformedTftpDatagram;
import dev.ioslab.transfer.tftp.TftpDatagram;
import dev.ioslab.transfer.tftp.TftpErrorCode;
import dev.ioslab.transfer.tftp.TftpMode;
import dev.ioslab.transfer.tftp.TftpPacket;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's request port: checks each RRQ and WRQ (slot free, name inside its folder, uploads enabled, room for
 * the announced size), then hands the transfer to a session on a socket of its own. Refusals are answered with ERROR
 * from this port; anything that is not a request, malformed datagrams included, is dropped without an answer so the
 * port cannot be used to reflect traffic. A request repeated by a client whose transfer is under way is ignored.
 *
 * <p>Threading: the request channel's event loop; the slot count is shared with the sessions' loops, hence atomic.
 */
final class TftpRequestHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TftpServer.class);

    /** Opens a transfer's socket with {@code session} as its handler. */
    @FunctionalInterface
    interface TransferOpener {
        CompletableFuture<Channel> open(TftpServerSession session, int blockSize, int windowSize);
    }

    private final ServedFiles served;
    private final Optional<ServedFiles> uploads;
    private final int maxTransfers;
    private final TransferOpener opener;
    private final Executor fileIo;
    private final AtomicInteger active = new AtomicInteger();
    private final Set<InetSocketAddress> clients = ConcurrentHashMap.newKeySet();

    TftpRequestHandler(ServedFiles served, Optional<ServedFiles> uploads, int maxTransfers, TransferOpener opener,
                       Executor fileIo) {
        this.served = served;
        this.uploads = uploads;
        this.maxTransfers = maxTransfers;
        this.opener = opener;
        this.fileIo = fileIo;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof TftpDatagram datagram) {
            try {
                if (datagram.packet() instanceof TftpPacket.ReadRequest read) {
                    request(ctx.channel(), datagram.peer(), read.filename(), read.mode(), true, read.options());
                } else if (datagram.packet() instanceof TftpPacket.WriteRequest write) {
                    request(ctx.channel(), datagram.peer(), write.filename(), write.mode(), false, write.options());
                } else {
                    LOG.debug("TFTP {} from {} on the request port dropped", datagram.packet().opcode(),
                            datagram.peer());
                }
            } finally {
                if (datagram.packet() instanceof TftpPacket.Data data) {
                    data.content().release();
                }
            }
        } else if (message instanceof MalformedTftpDatagram malformed) {
            LOG.debug("TFTP malformed request from {} dropped: {}", malformed.peer(), malformed.reason());
        }
    }

    private void request(Channel port, InetSocketAddress client, String requestedName, TftpMode mode, boolean read,
                         Map<String, String> requested) {
        if (!clients.add(client)) {
            return;
        }
        // The name is checked and opened as sent; the log and the sessions only ever see it printable.
        String name = LogText.printable(requestedName);
        if (active.incrementAndGet() > maxTransfers) {
            refuse(port, client, name, read, TftpErrorCode.NOT_DEFINED, "Server busy, try again later");
            return;
        }
        if (mode == TftpMode.MAIL) {
            refuse(port, client, name, read, TftpErrorCode.ILLEGAL_OPERATION, "Mail mode is not supported");
            return;
        }
        try {
            TftpServerSession session = read ? readSession(port, client, requestedName, name, requested)
                    : writeSession(port, client, requestedName, name, requested);
            if (session == null) {
                return;
            }
            opener.open(session, session.options.blockSize(), session.options.windowSize())
                    .whenComplete((channel, failure) -> {
                        if (failure != null) {
                            session.release(false);
                            refuse(port, client, name, read, TftpErrorCode.NOT_DEFINED, "Server error");
                        }
                    });
        } catch (IOException failure) {
            if (read) {
                refuse(port, client, name, true, TftpErrorCode.NOT_DEFINED, "Server error: " + failure.getMessage());
                return;
            }
            // The temp file could not be created: the host disk is full, read-only or failing.
            FsError cause = HostFailureCause.of(failure);
            LOG.warn("TFTP image repository: upload of {} from {} refused: {} (host: {})", name, client,
                    cause.reason(), LogText.printable(String.valueOf(failure.getMessage())));
            TftpPacket.Error error = TftpWriteSession.hostFailure(cause);
            refuse(port, client, name, false, error.code(), error.message());
        }
    }

    private TftpServerSession readSession(Channel port, InetSocketAddress client, String requestedName, String name,
                                          Map<String, String> requested) throws IOException {
        ServedFiles.Resolution resolution = served.forRead(requestedName);
        if (resolution instanceof ServedFiles.Refused refused) {
            refuse(port, client, name, true, refused.code(), refused.code().text() + " (" + refused.reason() + ")");
            return null;
        }
        FileChannel file = FileChannel.open(((ServedFiles.Allowed) resolution).path(), StandardOpenOption.READ);
        ServerOptions options = ServerOptions.grant(requested, OptionalLong.of(file.size()));
        return new TftpReadSession(client, name, options, file, () -> release(client));
    }

    private TftpServerSession writeSession(Channel port, InetSocketAddress client, String requestedName,
                                           String name, Map<String, String> requested) throws IOException {
        if (uploads.isEmpty()) {
            refuse(port, client, name, false, TftpErrorCode.ACCESS_VIOLATION, "Uploads are not enabled");
            return null;
        }
        ServedFiles.Resolution resolution = uploads.get().forWrite(requestedName);
        if (resolution instanceof ServedFiles.Refused refused) {
            refuse(port, client, name, false, refused.code(),
                    refused.code().text() + " (" + refused.reason() + ")");
            return null;
        }
        Path target = ((ServedFiles.Allowed) resolution).path();
        ServerOptions options = ServerOptions.grant(requested, OptionalLong.empty());
        if (options.announced().isPresent()
                && options.announced().getAsLong() > Files.getFileStore(target.getParent()).getUsableSpace()) {
            LOG.warn("TFTP image repository: upload of {} from {} refused before its first byte: {} bytes announced "
                    + "({})", name, client, options.announced().getAsLong(), FsError.NOT_ENOUGH_SPACE.reason());
            refuse(port, client, name, false, TftpErrorCode.DISK_FULL, TftpErrorCode.DISK_FULL.text());
            return null;
        }
        Path temp = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TftpServer.TEMP_SUFFIX);
        FileChannel file = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new TftpWriteSession(client, name, options, target, temp, file, fileIo, () -> release(client));
    }

    /** Answers ERROR from the request port, logs the refusal and frees the slot taken for it. */
    private void refuse(Channel port, InetSocketAddress client, String name, boolean read, TftpErrorCode code,
                        String message) {
        port.writeAndFlush(new TftpDatagram(new TftpPacket.Error(code, code == TftpErrorCode.NOT_DEFINED
                ? message : code.text()), client));
        LOG.info("TFTP {} {} by {} refused: {}", read ? "read" : "write", name, client, LogText.printable(message));
        release(client);
    }

    private void release(InetSocketAddress client) {
        active.decrementAndGet();
        clients.remove(client);
    }
}
