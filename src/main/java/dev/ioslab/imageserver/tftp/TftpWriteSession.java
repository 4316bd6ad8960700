package dev.ioslab.imageserver.tftp;

import dev.ioslab.fs.FsError;
import dev.ioslab.fs.HostFailureCause;
import dev.ioslab.imageserver.LogText;
import dev.ioslab.transfer.tftp.TftpErrorCode;
import dev.ioslab.transfer.tftp.TftpPacket;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of a write request: ACK 0 or OACK, then DATA blocks, acknowledged one by one or per window (RFC
 * 7440), written to a hidden temp file next to the target. At the short last block the temp file is forced to disk and
 * renamed over the target (off the event loop), and only then is the last block acknowledged; on any failure the temp
 * file is removed. A host storage failure is answered in the RFC's terms ({@link #hostFailure}) and logged once at
 * WARN. A repeated block is acknowledged again, never written again; a gap in a window is answered once by
 * acknowledging the last block in order (RFC 7440 section 4).
 *
 * <p>Threading: the transfer channel's event loop, except the final force-and-rename on {@code fileIo}.
 */
final class TftpWriteSession extends TftpServerSession {

    private static final Logger LOG = LoggerFactory.getLogger(TftpServer.class);

    /** The steps of an upload served. */
    enum State {
        /** Blocks are coming (the first reply, ACK 0 or OACK, is repeated until block 1 arrives). */
        RECEIVING,
        /** The last block is in; the file is being forced and renamed. */
        FINISHING,
        /** Done; re-acknowledging a repeated last block for a moment. */
        DALLYING
    }

    /** Longest dally: a client that asked for a long timeout is not waited for beyond this. */
    private static final Duration MAX_DALLY = Duration.ofSeconds(60);

    private final Path target;
    private final Path temp;
    private final FileChannel sink;
    private final Executor fileIo;
    private State state = State.RECEIVING;
    private long nextBlock = 1;
    private int sinceAck;
    private boolean strayAnswered;

    TftpWriteSession(InetSocketAddress client, String file, ServerOptions options, Path target, Path temp,
                     FileChannel sink, Executor fileIo, Runnable onEnd) {
        super(client, file, options, onEnd);
        this.target = target;
        this.temp = temp;
        this.sink = sink;
        this.fileIo = fileIo;
    }

    @Override
    protected String direction() {
        return "write";
    }

    @Override
    protected void start() {
        acknowledgeLast();
        timer.restart();
    }

    @Override
    public void retransmit() {
        if (state == State.RECEIVING) {
            acknowledgeLast();
        }
    }

    @Override
    protected void onPacket(TftpPacket packet) {
        switch (state) {
            case RECEIVING -> whileReceiving(packet);
            case FINISHING -> {
                // the last block is being stored; its ACK follows
            }
            case DALLYING -> {
                if (packet instanceof TftpPacket.Data data && data.block() == lastInOrder()) {
                    acknowledgeLast();
                }
            }
        }
    }

    private void whileReceiving(TftpPacket packet) {
        if (!(packet instanceof TftpPacket.Data data)) {
            illegal("expected DATA, got " + packet.opcode());
            return;
        }
        ByteBuf content = data.content();
        int length = content.readableBytes();
        if (length > options.blockSize()) {
            illegal("DATA of " + length + " bytes is above the block size " + options.blockSize());
            return;
        }
        int distance = (data.block() - (int) nextBlock) & 0xFFFF;
        if (distance == 0) {
            inOrder(content, length);
        } else if (distance < 0x8000) {
            if (!strayAnswered) {
                strayAnswered = true;
                acknowledgeLast();
            }
        } else if (options.windowSize() == 1 ? data.block() == lastInOrder() : !strayAnswered) {
            strayAnswered = options.windowSize() > 1;
            acknowledgeLast();
        }
    }

    private void inOrder(ByteBuf content, int length) {
        boolean last = length < options.blockSize();
        nextBlock++;
        sinceAck++;
        if (!last && sinceAck >= options.windowSize()) {
            acknowledgeLast();
        }
        try {
            ByteBuffer bytesIn = content.nioBuffer();
            while (bytesIn.hasRemaining()) {
                sink.write(bytesIn);
            }
        } catch (IOException failure) {
            storageFailed(failure);
            return;
        }
        strayAnswered = false;
        bytes += length;
        if (last) {
            finish();
        } else {
            timer.restart();
        }
    }

    /** Forces the temp file and renames it over the target off the loop; the last ACK follows the rename. */
    private void finish() {
        state = State.FINISHING;
        timer.stop();
        CompletableFuture.runAsync(() -> {
            try {
                sink.force(true);
                sink.close();
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }, fileIo).whenComplete((done, failure) -> channel.eventLoop().execute(() -> stored(failure)));
    }

    private void stored(Throwable failure) {
        if (ended()) {
            return;
        }
        if (failure != null) {
            storageFailed(failure);
            return;
        }
        acknowledgeLast();
        state = State.DALLYING;
        // RFC 1350 section 6: dally long enough for the client's first two retransmissions of a last block whose ACK
        // was lost (its clock is the negotiated timeout), so the client does not time out on a stored file.
        Duration dally = options.retransmit().multipliedBy(3);
        end(true, "complete", dally.compareTo(MAX_DALLY) < 0 ? dally : MAX_DALLY);
    }

    /** Tells the client why its file cannot be stored, logs it once at WARN, and ends (the temp file goes). */
    private void storageFailed(Throwable failure) {
        FsError cause = HostFailureCause.of(failure);
        Throwable host = failure;
        while (host.getCause() != null
                && (host instanceof CompletionException || host instanceof UncheckedIOException)) {
            host = host.getCause();
        }
        LOG.warn("TFTP image repository: upload of {} from {} failed after {} bytes: {} (host: {})", file, client,
                bytes, cause.reason(), LogText.printable(String.valueOf(host.getMessage())));
        fail(hostFailure(cause), "storage failed: " + cause.reason());
    }

    /**
     * RFC 1350's error for a host failure: a full disk or quota is code 3, {@code Disk full or allocation exceeded};
     * a read-only disk refuses access (code 2); anything else is code 0 with IOS's cause as the message.
     */
    static TftpPacket.Error hostFailure(FsError cause) {
        return switch (cause) {
            case NOT_ENOUGH_SPACE -> TftpPacket.Error.of(TftpErrorCode.DISK_FULL);
            case READ_ONLY, PERMISSION_DENIED -> TftpPacket.Error.of(TftpErrorCode.ACCESS_VIOLATION);
            default -> new TftpPacket.Error(TftpErrorCode.NOT_DEFINED, cause.reason());
        };
    }

    private int lastInOrder() {
        return (int) (nextBlock - 1) & 0xFFFF;
    }

    private void acknowledgeLast() {
        sinceAck = 0;
        if (nextBlock == 1 && !options.oack().isEmpty()) {
            send(new TftpPacket.OptionAck(options.oack()));
        } else {
            send(new TftpPacket.Ack(lastInOrder()));
        }
    }

    @Override
    protected void release(boolean success) {
        if (success) {
            return;
        }
        try {
            sink.close();
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a leftover temp file is hidden and removed at the next start
        }
    }
}
