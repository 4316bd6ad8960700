package dev.ioslab.transfer.ftp;

import dev.ioslab.transfer.Credentials;
import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferRequest;
import dev.ioslab.transfer.TransferResult;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FTP transfer, as an explicit state machine over the control connection's replies: greeting, login,
 * {@code TYPE I}, {@code SIZE} (downloads), the data connection (passive {@code EPSV} then {@code PASV}, or active
 * {@code EPRT} then {@code PORT}), {@code RETR}/{@code STOR}, and {@code QUIT}. Each state has one method that takes
 * the reply the state waits for.
 *
 * <p>The passive data connection goes to the control connection's remote address, never to the address in a
 * {@code 227} reply: that keeps a server from pointing the device at a third host (the FTP bounce of RFC 2577) and
 * works with servers behind NAT that announce a private address. The active listener binds the control connection's
 * local address and accepts one connection, from the control connection's remote address only.
 *
 * <p>Threading: everything runs on the control channel's event loop, and the data channel and listener are
 * registered on that same loop, so no field needs a lock. The future is completed after every channel is closed.
 */
final class FtpSession extends SimpleChannelInboundHandler<FtpReply> {

    private static final Logger LOG = LoggerFactory.getLogger(FtpSession.class);
    /** IOS's own client logs in this way when no {@code ip ftp username} is configured. */
    private static final Credentials ANONYMOUS = new Credentials("anonymous", "ioslab@");
    /** QUIT is a courtesy once the file has moved: the wait for 221 is short (RFC 959 §4.1.1). */
    private static final Duration QUIT_WAIT = Duration.ofSeconds(2);

    enum State {
        CONNECTING, GREETING, USER, PASS, TYPE, SIZE, EPSV, PASV, LISTENING, EPRT, PORT, DATA_CONNECTING,
        TRANSFER_REQUESTED, TRANSFERRING, QUIT, CLOSED
    }

    private final TransferRequest request;
    private final FtpTransfer transfer;
    private final TransferListener listener;
    private final TransferFuture future;
    private final String tag;
    private final Deadline replyTimer = new Deadline();
    private final Deadline acceptTimer = new Deadline();
    private State state = State.CONNECTING;
    private Channel control;
    private DataConnections connections;
    private Channel data;
    private Channel dataListener;
    private DataHandler dataHandler;
    private OptionalLong expectedSize = OptionalLong.empty();
    /** The server answered RETR/STOR with 1xx (or directly 2xx). */
    private boolean accepted;
    /** Bytes flow: the listener heard {@code started}; failures from here on are "reading"/"writing" errors. */
    private boolean dataStarted;
    private boolean dataEnded;
    private boolean dataComplete;
    private boolean finalReply;
    /** The data connection broke before the server answered RETR/STOR; fatal only if the answer is yes. */
    private TransferException dataFailure;
    private long bytes;

    FtpSession(TransferRequest request, FtpTransfer transfer, TransferListener listener, TransferFuture future) {
        this.request = request;
        this.transfer = transfer;
        this.listener = listener;
        this.future = future;
        this.tag = request.device() + " " + request.url();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        control = ctx.channel();
        connections = new DataConnections(control, request.settings(),
                () -> dataHandler = transfer.dataHandler(this, future, expectedSize));
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (state == State.CONNECTING) {
            state = State.GREETING;
            armReply("the greeting");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (state == State.QUIT) {
            succeed();
        } else {
            fail(new TransferException(TransferError.CONNECTION_CLOSED, dataStarted,
                    "the server closed the control connection"));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(FtpFailures.network(cause, "control connection", dataStarted));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FtpReply received) {
        // A server that echoes the password must not get it into a log line or an exception.
        FtpReply reply = received.masking(credentials().password());
        LOG.trace("{}: < {}", tag, reply.summary());
        if (state == State.CLOSED) {
            return;
        }
        if (reply.replyClass() != FtpReplyClass.POSITIVE_PRELIMINARY || state == State.TRANSFER_REQUESTED) {
            // A 1xx answers RETR/STOR only; a 120 greeting or a 1xx after the data leaves the wait running (RFC 959
            // §5.4): a server repeating them cannot hold the transfer for ever.
            replyTimer.cancel();
        }
        try {
            if (reply.code() == 421 && state != State.QUIT) {
                fail(FtpFailures.refused(reply, dataStarted));
                return;
            }
            switch (state) {
                case GREETING -> onGreeting(reply);
                case USER -> onUser(reply);
                case PASS -> onPass(reply);
                case TYPE -> onType(reply);
                case SIZE -> onSize(reply);
                case EPSV -> onEpsv(reply);
                case PASV -> onPasv(reply);
                case EPRT, PORT -> onPortCommand(reply);
                case TRANSFER_REQUESTED -> onTransferRequested(reply);
                case TRANSFERRING -> onTransferring(reply);
                case QUIT -> succeed();
                default -> fail(FtpFailures.answer(reply, "no reply", dataStarted));
            }
        } catch (IOException | RuntimeException localFailure) {
            // The sink refused the size, or the listener broke: that very exception ends the transfer.
            fail(localFailure);
        }
    }

    private void onGreeting(FtpReply reply) {
        if (reply.code() == 220) {
            send(FtpCommand.of(FtpVerb.USER, credentials().user()), State.USER);
        } else if (reply.code() != 120) {
            fail(FtpFailures.answer(reply, "220", dataStarted));
        }
    }

    private void onUser(FtpReply reply) {
        switch (reply.code()) {
            case 230 -> loggedIn();
            case 331 -> send(FtpCommand.of(FtpVerb.PASS, credentials().password()), State.PASS);
            default -> fail(FtpFailures.login(reply, "331 or 230"));
        }
    }

    private void onPass(FtpReply reply) {
        if (reply.code() == 230 || reply.code() == 202) {
            loggedIn();
        } else {
            fail(FtpFailures.login(reply, "230"));
        }
    }

    private void loggedIn() {
        send(FtpCommand.of(FtpVerb.TYPE, "I"), State.TYPE);
    }

    private void onType(FtpReply reply) {
        if (reply.replyClass() != FtpReplyClass.POSITIVE_COMPLETION) {
            fail(FtpFailures.answer(reply, "200", dataStarted));
        } else if (transfer.asksSize()) {
            send(FtpCommand.of(FtpVerb.SIZE, path()), State.SIZE);
        } else {
            openData();
        }
    }

    /** RFC 3659 §4: 213 and the size in octets; any refusal just means the size is unknown. */
    private void onSize(FtpReply reply) throws IOException {
        if (reply.code() == 213) {
            OptionalLong size = reply.number();
            if (size.isPresent()) {
                expectedSize = size;
                if (!transfer.announceSize(future, size.getAsLong())) {
                    return;
                }
            } else {
                LOG.debug("{}: ignoring a SIZE reply without a number: {}", tag, reply.summary());
            }
            openData();
        } else if (reply.replyClass().isNegative()) {
            openData();
        } else {
            fail(FtpFailures.answer(reply, "213", dataStarted));
        }
    }

    private void openData() {
        if (request.settings().passive()) {
            send(FtpCommand.of(FtpVerb.EPSV), State.EPSV);
        } else {
            listen();
        }
    }

    private void onEpsv(FtpReply reply) {
        if (reply.code() == 229) {
            OptionalInt port = DataAddressCodec.epsvPort(reply.text());
            if (port.isEmpty()) {
                fail(FtpFailures.answer(reply, "229 with a port", dataStarted));
            } else {
                connectData(port.getAsInt());
            }
        } else if (reply.code() == 500 || reply.code() == 502) {
            send(FtpCommand.of(FtpVerb.PASV), State.PASV);
        } else {
            fail(FtpFailures.answer(reply, "229", dataStarted));
        }
    }

    private void onPasv(FtpReply reply) {
        if (reply.code() != 227) {
            fail(FtpFailures.answer(reply, "227", dataStarted));
            return;
        }
        Optional<InetSocketAddress> announced = DataAddressCodec.pasvAddress(reply.text());
        if (announced.isEmpty()) {
            fail(FtpFailures.answer(reply, "227 with an address", dataStarted));
            return;
        }
        if (!announced.get().getAddress().equals(connections.serverAddress())) {
            LOG.debug("{}: PASV announced {}, connecting to the control address {} instead", tag,
                    announced.get().getAddress().getHostAddress(), connections.serverAddress().getHostAddress());
        }
        connectData(announced.get().getPort());
    }

    private void connectData(int port) {
        state = State.DATA_CONNECTING;
        ChannelFuture connected = connections.connect(port);
        data = connected.channel();
        connected.addListener((ChannelFutureListener) done -> {
            if (!done.isSuccess()) {
                fail(FtpFailures.network(done.cause(), "data connection to port " + port, false));
            }
        });
    }

    /** Active mode: a listener on the control connection's local address, then EPRT (RFC 2428 §2). */
    private void listen() {
        state = State.LISTENING;
        ChannelFuture bound = connections.listen(channel -> {
            data = channel;
            acceptTimer.cancel();
        });
        dataListener = bound.channel();
        bound.addListener((ChannelFutureListener) done -> {
            if (!done.isSuccess()) {
                fail(FtpFailures.network(done.cause(), "data listener on " + connections.localAddress(), false));
            } else if (state == State.LISTENING) {
                InetSocketAddress where = (InetSocketAddress) done.channel().localAddress();
                send(FtpCommand.of(FtpVerb.EPRT, DataAddressCodec.eprtArgument(where)), State.EPRT);
            }
        });
    }

    /** EPRT, then PORT when the server does not know EPRT (RFC 2428 §2: 500 or 502). */
    private void onPortCommand(FtpReply reply) {
        if (reply.code() == 200) {
            send(FtpCommand.of(transfer.verb(), path()), State.TRANSFER_REQUESTED);
        } else if (state == State.EPRT && (reply.code() == 500 || reply.code() == 502)) {
            Optional<String> port = DataAddressCodec.portArgument((InetSocketAddress) dataListener.localAddress());
            if (port.isEmpty()) {
                fail(FtpFailures.answer(reply, "200 (PORT has no IPv6 form)", dataStarted));
            } else {
                send(FtpCommand.of(FtpVerb.PORT, port.get()), State.PORT);
            }
        } else {
            fail(FtpFailures.answer(reply, "200", dataStarted));
        }
    }

    private void onTransferRequested(FtpReply reply) {
        FtpReplyClass replyClass = reply.replyClass();
        if (replyClass == FtpReplyClass.POSITIVE_PRELIMINARY || replyClass == FtpReplyClass.POSITIVE_COMPLETION) {
            accepted = true;
            if (dataFailure != null) {
                fail(dataFailure);
                return;
            }
            state = State.TRANSFERRING;
            if (data == null) {
                acceptTimer.arm(control.eventLoop(), request.settings().connectTimeout(), () -> fail(
                        new TransferException(TransferError.TIMED_OUT, false,
                                "the server did not open the data connection")));
            }
            beginIfReady();
            if (replyClass == FtpReplyClass.POSITIVE_COMPLETION) {
                onTransferring(reply);
            } else if (dataEnded) {
                onDataEnd();
            }
        } else if (replyClass.isNegative()) {
            fail(transfer.refused(reply, dataStarted));
        } else {
            fail(FtpFailures.answer(reply, "150", dataStarted));
        }
    }

    private void onTransferring(FtpReply reply) {
        FtpReplyClass replyClass = reply.replyClass();
        if (replyClass == FtpReplyClass.POSITIVE_COMPLETION) {
            finalReply = true;
            if (dataEnded) {
                onDataEnd();
            }
        } else if (replyClass.isNegative()) {
            fail(transfer.refused(reply, dataStarted));
        } else if (replyClass != FtpReplyClass.POSITIVE_PRELIMINARY) {
            fail(FtpFailures.answer(reply, "226", dataStarted));
        }
    }

    // ---- events from the data connection (same event loop) ----

    void dataActive(Channel channel) {
        if (state == State.DATA_CONNECTING) {
            send(FtpCommand.of(transfer.verb(), path()), State.TRANSFER_REQUESTED);
        } else {
            beginIfReady();
        }
    }

    /** {@code total} bytes have reached the sink (download) or the data connection (upload). */
    void dataMoved(long total) {
        bytes = total;
        if (!dataStarted) {
            // A server may send data before its 150 arrives here: the bytes prove it accepted RETR.
            start();
        }
        if (future.isOpen()) {
            listener.progress(total);
        }
    }

    /** The data connection closed; {@code complete} when every byte expected moved. */
    void dataEnded(long total, boolean complete) {
        bytes = total;
        dataEnded = true;
        dataComplete = complete && dataFailure == null;
        if (state != State.CLOSED && accepted) {
            onDataEnd();
        }
    }

    void dataIdle() {
        fail(new TransferException(TransferError.TIMED_OUT, dataStarted, "no data for "
                + request.settings().idleTimeout().toMillis() + " ms after " + bytes + " bytes"));
    }

    void dataFailed(Throwable cause) {
        TransferException failure = FtpFailures.network(cause, "data connection", dataStarted);
        if (accepted && transfer instanceof FtpTransfer.Retrieve) {
            fail(failure);
        } else {
            // A server refusing RETR/STOR, or out of room mid-upload, often resets the data connection before its
            // reply (550, 552...) arrives here. That reply says what went wrong, so it is awaited (under the reply
            // timeout); the reset itself only counts if the server accepts or says nothing.
            dataFailure = failure;
            data.close();
        }
    }

    private void beginIfReady() {
        if (accepted && !dataStarted && data != null && data.isActive() && dataHandler != null) {
            start();
        }
    }

    private void start() {
        dataStarted = true;
        if (future.isOpen()) {
            listener.started((InetSocketAddress) data.remoteAddress());
        }
        dataHandler.begin();
    }

    /** Both ends of a transfer are needed: the data connection's end and the final reply (RFC 959 §3.2). */
    private void onDataEnd() {
        if (!dataComplete) {
            String of = expectedSize.isPresent() ? " of " + expectedSize.getAsLong() : "";
            TransferException cut = dataFailure != null ? dataFailure : new TransferException(
                    TransferError.CONNECTION_CLOSED, dataStarted,
                    "transfer cut short: the data connection closed after " + bytes + " bytes" + of);
            if (transfer instanceof FtpTransfer.Retrieve || finalReply) {
                fail(cut);
            } else {
                // An upload cut short: the server's reply (552, 426...) says why better than we can.
                armReply(() -> fail(cut));
            }
        } else if (finalReply) {
            quit();
        } else {
            armReply("the final reply after the data");
        }
    }

    private void quit() {
        send(FtpCommand.of(FtpVerb.QUIT), State.QUIT);
        Duration wait = request.settings().replyTimeout().compareTo(QUIT_WAIT) < 0
                ? request.settings().replyTimeout() : QUIT_WAIT;
        replyTimer.arm(control.eventLoop(), wait, this::succeed);
    }

    // ---- ending ----

    private void succeed() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        LOG.debug("{}: {} bytes moved", tag, bytes);
        closeChannels();
        future.complete(new TransferResult(bytes, request.server()));
    }

    /** Ends the transfer with {@code failure}; a second failure after the first is ignored. */
    void fail(Throwable failure) {
        if (state == State.CLOSED) {
            return;
        }
        LOG.debug("{}: failed in state {}: {}", tag, state, failure.toString());
        state = State.CLOSED;
        closeChannels();
        future.completeExceptionally(failure);
    }

    /** The caller completed or cancelled the future: close whatever is still open. */
    void abort() {
        if (state != State.CLOSED) {
            LOG.debug("{}: cancelled in state {}", tag, state);
            state = State.CLOSED;
        }
        closeChannels();
    }

    private void closeChannels() {
        replyTimer.cancel();
        acceptTimer.cancel();
        for (Channel channel : new Channel[] {data, dataListener, control}) {
            if (channel != null) {
                channel.close();
            }
        }
    }

    // ---- helpers ----

    private void send(FtpCommand command, State next) {
        state = next;
        LOG.debug("{}: > {}", tag, command);
        control.writeAndFlush(command).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess()) {
                fail(FtpFailures.network(written.cause(), "control connection", dataStarted));
            }
        });
        armReply(command.verb().name());
    }

    private void armReply(String awaited) {
        armReply(() -> fail(new TransferException(TransferError.TIMED_OUT, dataStarted, "no reply to " + awaited
                + " within " + request.settings().replyTimeout().toMillis() + " ms")));
    }

    private void armReply(Runnable onExpiry) {
        replyTimer.arm(control.eventLoop(), request.settings().replyTimeout(), onExpiry);
    }

    private Credentials credentials() {
        return request.credentials().orElse(ANONYMOUS);
    }

    private String path() {
        return request.url().path();
    }
}
