package dev.ioslab.frontend.telnet;

import dev.ioslab.cli.LineClaim;
import dev.ioslab.cli.LoginMode;
import dev.ioslab.cli.SessionInfo;
import dev.ioslab.cli.ShellEndpoint;
import dev.ioslab.cli.ShellSession;
import dev.ioslab.device.DeviceEvent;
import dev.ioslab.device.DeviceEvent.LoginResult;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Telnet connection to one device: option negotiation, the IOS login dialogue, then a {@link ShellSession}.
 *
 * <p>The login is an explicit state machine ({@link State}); each state has one method that consumes typed bytes
 * and may move to another state. Bytes typed after the line that completes the login are handed to the shell after
 * {@link ShellSession#start()}, so type-ahead is never lost. All methods run on the channel's event loop; nothing
 * here blocks. One instance per channel.
 */
final class TelnetSession extends ChannelInboundHandlerAdapter {

    /** The shell's terminal once logged in; told when the channel can take output again. */
    private ChannelTerminal terminal;

    private static final Logger LOG = LoggerFactory.getLogger(TelnetSession.class);

    static final String USER_ACCESS_VERIFICATION = "\r\n\r\nUser Access Verification\r\n\r\n";
    static final String USERNAME_PROMPT = "Username: ";
    static final String PASSWORD_PROMPT = "Password: ";
    static final String LOGIN_INVALID = "% Login invalid\r\n";
    static final String BAD_PASSWORDS = "% Bad passwords\r\n";
    static final String PASSWORD_NOT_SET = "\r\nPassword required, but none set\r\n";
    static final String NEW_LINE = "\r\n";

    /** Longest username or password kept; IOS allows far less, the rest is dropped. */
    static final int MAX_LOGIN_LINE = 256;

    /** What the connection is waiting for. */
    enum State { CONNECTING, USERNAME, PASSWORD, LINE_PASSWORD, SHELL, CLOSED }

    /** RFC 1091 TERMINAL-TYPE subnegotiation codes. */
    private enum TerminalTypeCode {
        IS(0), SEND(1);

        private final byte code;

        TerminalTypeCode(int code) {
            this.code = (byte) code;
        }
    }

    private static final List<TelnetOption> OFFERED_LOCAL = List.of(TelnetOption.ECHO, TelnetOption.SUPPRESS_GO_AHEAD);
    private static final List<TelnetOption> REQUESTED_REMOTE = List.of(TelnetOption.NAWS, TelnetOption.TERMINAL_TYPE);
    private static final int CR = '\r';
    private static final int LF = '\n';
    private static final int NUL = 0;

    private final ShellEndpoint endpoint;
    private final TelnetSettings settings;
    private final OptionNegotiator options = new OptionNegotiator(
            EnumSet.of(TelnetOption.ECHO, TelnetOption.SUPPRESS_GO_AHEAD),
            EnumSet.of(TelnetOption.NAWS, TelnetOption.TERMINAL_TYPE, TelnetOption.SUPPRESS_GO_AHEAD));
    private final LoginLineReader reader = new LoginLineReader(MAX_LOGIN_LINE);
    private final StringBuilder pendingOutput = new StringBuilder();

    private ChannelHandlerContext ctx;
    private SocketAddress remote;
    private State state = State.CONNECTING;
    private ScheduledFuture<?> loginTimeout;
    private String username = "";
    private int failures;
    private String terminalType = "";
    private int columns;
    private int rows;
    private ShellSession shell;
    private LineClaim line = LineClaim.NONE;
    private boolean shellOwesLineFeed;
    private boolean lastShellByteWasCarriageReturn;

    TelnetSession(ShellEndpoint endpoint, TelnetSettings settings) {
        this.endpoint = endpoint;
        this.settings = settings;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        // Kept now: a socket reset by the peer may no longer report its address when it is closed.
        remote = context.channel().remoteAddress();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (terminal != null) {
            terminal.writabilityChanged();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        if (remote == null) {
            remote = context.channel().remoteAddress();
        }
        if (!endpoint.acceptsTransport("telnet")) {
            // IOS: "transport input ssh" on every vty line means Telnet connections are closed at once; a device in
            // ROM monitor says why first.
            LOG.info("{}: Telnet connection from {} refused", endpoint.deviceName(), remote());
            publishLogin("", LoginResult.REFUSED);
            state = State.CLOSED;
            endpoint.unavailable().ifPresentOrElse(
                    why -> ctx.writeAndFlush(TelnetMessage.Data.of("\r\n" + why + "\r\n"))
                            .addListener(ChannelFutureListener.CLOSE),
                    ctx::close);
            return;
        }
        InetSocketAddress peer = remote() instanceof InetSocketAddress address ? address : null;
        Optional<LineClaim> claim = endpoint.claimLine("telnet", peer, () -> context.channel().close());
        if (claim.isEmpty()) {
            // Every vty line that admits Telnet is busy: the connection is closed before any byte is sent. The endpoint
            // logs refusals, one line per interval at most.
            LOG.debug("{}: Telnet connection from {} refused: no vty line takes it", endpoint.deviceName(), remote());
            state = State.CLOSED;
            ctx.close();
            return;
        }
        line = claim.get();
        for (TelnetMessage.Negotiation request : options.request(OFFERED_LOCAL, REQUESTED_REMOTE)) {
            LOG.debug("{} {}: sending {}", endpoint.deviceName(), remote(), request);
            ctx.write(request);
        }
        LoginMode mode = endpoint.telnetLoginMode();
        switch (mode) {
            case LOCAL -> enter(State.USERNAME, USER_ACCESS_VERIFICATION + USERNAME_PROMPT);
            case LINE_PASSWORD -> enter(State.LINE_PASSWORD, USER_ACCESS_VERIFICATION + PASSWORD_PROMPT);
            case LINE_PASSWORD_NOT_SET -> {
                publishLogin("", LoginResult.REFUSED);
                LOG.info("{}: Telnet login from {} refused: line password required but none set",
                        endpoint.deviceName(), remote());
                closeAfter(PASSWORD_NOT_SET);
            }
            case NONE -> {
                LOG.info("{}: Telnet session from {} (no login)", endpoint.deviceName(), remote());
                openShell("", 1, new byte[0], 0);
            }
            default -> throw new IllegalStateException("unhandled login mode " + mode);
        }
        if (state == State.USERNAME || state == State.LINE_PASSWORD) {
            loginTimeout = ctx.executor().schedule(this::onLoginTimeout, settings.loginTimeout().toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        flushOutput();
        ctx.flush();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof TelnetMessage.Data data) {
            LOG.trace("{} {}: {} data bytes in state {}", endpoint.deviceName(), remote(), data.length(), state);
            onData(data.bytes());
        } else if (message instanceof TelnetMessage.Negotiation negotiation) {
            onNegotiation(negotiation);
        } else if (message instanceof TelnetMessage.Subnegotiation sub) {
            onSubnegotiation(sub);
        } else if (message instanceof TelnetMessage.Command command) {
            onCommand(command.command());
        } else {
            context.fireChannelRead(message);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        flushOutput();
        context.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        cancelLoginTimeout();
        State previous = state;
        state = State.CLOSED;
        LOG.debug("{}: Telnet connection from {} closed in state {}", endpoint.deviceName(), remote(), previous);
        if (shell != null) {
            shell.disconnected();
        }
        line.release();
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("{}: Telnet connection from {} failed: {}", endpoint.deviceName(), remote(), cause.toString());
        } else {
            LOG.warn("{}: closing Telnet connection from {} after an unexpected error", endpoint.deviceName(),
                    remote(), cause);
        }
        context.close();
    }

    // ---- typed data: one method per state

    private void onData(byte[] bytes) {
        int offset = 0;
        while (offset < bytes.length && isLoggingIn()) {
            offset = switch (state) {
                case USERNAME -> onUsernameData(bytes, offset);
                case PASSWORD -> onPasswordData(bytes, offset);
                case LINE_PASSWORD -> onLinePasswordData(bytes, offset);
                default -> throw new IllegalStateException("no login input expected in state " + state);
            };
        }
        if (state == State.SHELL && offset < bytes.length) {
            onShellData(bytes, offset);
        }
    }

    /** Echoes the username as typed (IOS echoes even when the client refused WILL ECHO); returns the next offset. */
    private int onUsernameData(byte[] bytes, int offset) {
        for (int i = offset; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            switch (reader.accept(b)) {
                case APPENDED -> pendingOutput.append((char) b);
                case ERASED -> pendingOutput.append("\b \b");
                case LINE_ENDED -> {
                    username = reader.takeLine();
                    if (username.isEmpty()) {
                        pendingOutput.append(NEW_LINE).append(USERNAME_PROMPT);
                    } else {
                        enter(State.PASSWORD, NEW_LINE + PASSWORD_PROMPT);
                        return i + 1;
                    }
                }
                case IGNORED -> {
                }
                default -> throw new IllegalStateException("unhandled line effect");
            }
        }
        return bytes.length;
    }

    /** Password for {@code login local}: never echoed; checked against the device's users. */
    private int onPasswordData(byte[] bytes, int offset) {
        int end = findLineEnd(bytes, offset);
        if (end < 0) {
            return bytes.length;
        }
        String password = reader.takeLine();
        pendingOutput.append(NEW_LINE);
        OptionalInt privilege = endpoint.authenticate(username, password);
        if (privilege.isPresent()) {
            LOG.info("{}: Telnet login by '{}' from {} succeeded (privilege {})", endpoint.deviceName(), username,
                    remote(), privilege.getAsInt());
            openShell(username, privilege.getAsInt(), bytes, end + 1);
            return bytes.length;
        }
        failures++;
        publishLogin(username, LoginResult.FAILED);
        LOG.info("{}: Telnet login by '{}' from {} failed (attempt {} of {})", endpoint.deviceName(), username,
                remote(), failures, settings.maxLoginAttempts());
        username = "";
        if (failures >= settings.maxLoginAttempts()) {
            closeAfter(LOGIN_INVALID);
            return bytes.length;
        }
        enter(State.USERNAME, LOGIN_INVALID + NEW_LINE + USERNAME_PROMPT);
        return end + 1;
    }

    /** Password for {@code login} with a line password: never echoed; checked against {@code line vty}. */
    private int onLinePasswordData(byte[] bytes, int offset) {
        int end = findLineEnd(bytes, offset);
        if (end < 0) {
            return bytes.length;
        }
        String password = reader.takeLine();
        pendingOutput.append(NEW_LINE);
        if (endpoint.checkLinePassword(password)) {
            LOG.info("{}: Telnet login with the line password from {} succeeded", endpoint.deviceName(), remote());
            openShell("", 1, bytes, end + 1);
            return bytes.length;
        }
        failures++;
        publishLogin("", LoginResult.FAILED);
        LOG.info("{}: Telnet login with the line password from {} failed (attempt {} of {})", endpoint.deviceName(),
                remote(), failures, settings.maxLoginAttempts());
        if (failures >= settings.maxLoginAttempts()) {
            closeAfter(BAD_PASSWORDS);
            return bytes.length;
        }
        enter(State.LINE_PASSWORD, PASSWORD_PROMPT);
        return end + 1;
    }

    /**
     * After login: bytes go to the shell as typed, less the NUL of {@code CR NUL} (RFC 854: a bare CR) and less the
     * LF still owed by a login line that ended in CR.
     */
    private void onShellData(byte[] bytes, int offset) {
        byte[] typed = new byte[bytes.length - offset];
        int length = 0;
        for (int i = offset; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean afterCarriageReturn = lastShellByteWasCarriageReturn;
            boolean owedLineFeed = shellOwesLineFeed;
            lastShellByteWasCarriageReturn = b == CR;
            shellOwesLineFeed = false;
            if ((owedLineFeed && (b == LF || b == NUL)) || (afterCarriageReturn && b == NUL)) {
                continue;
            }
            typed[length++] = (byte) b;
        }
        if (length > 0) {
            shell.receive(typed, 0, length);
        }
    }

    /** Feeds a password's bytes to the reader (no echo) up to its end; returns the end's index or -1. */
    private int findLineEnd(byte[] bytes, int offset) {
        for (int i = offset; i < bytes.length; i++) {
            if (reader.accept(bytes[i] & 0xff) == LoginLineReader.Effect.LINE_ENDED) {
                return i;
            }
        }
        return -1;
    }

    // ---- transitions

    private boolean isLoggingIn() {
        return state == State.USERNAME || state == State.PASSWORD || state == State.LINE_PASSWORD;
    }

    private void enter(State next, String output) {
        state = next;
        pendingOutput.append(output);
    }

    private void openShell(String user, int privilege, byte[] bytes, int typeAheadOffset) {
        cancelLoginTimeout();
        flushOutput();
        state = State.SHELL;
        AdmissionGate.loggedIn(ctx.channel());
        shellOwesLineFeed = reader.owesLineFeed();
        InetSocketAddress peer = remote() instanceof InetSocketAddress address ? address : null;
        SessionInfo info = new SessionInfo(user, privilege, "telnet", peer, terminalType, columns, rows);
        endpoint.events().publish(DeviceEvent.Login.from(user, peer, "telnet", LoginResult.OK));
        terminal = new ChannelTerminal(ctx.channel());
        shell = endpoint.openShell(info, terminal);
        shell.start();
        if (typeAheadOffset < bytes.length && state == State.SHELL) {
            onShellData(bytes, typeAheadOffset);
        }
    }

    private void closeAfter(String output) {
        cancelLoginTimeout();
        state = State.CLOSED;
        pendingOutput.append(output);
        ctx.writeAndFlush(TelnetMessage.Data.of(drainOutput())).addListener(ChannelFutureListener.CLOSE);
    }

    private void onLoginTimeout() {
        if (!isLoggingIn()) {
            return;
        }
        String prompt = state == State.USERNAME ? USERNAME_PROMPT : PASSWORD_PROMPT;
        // Counted in the daemon's summary log: a flood of idle connections times out by the hundred.
        if (!AdmissionGate.loginTimedOut(ctx.channel())) {
            LOG.info("{}: Telnet login from {} timed out after {}", endpoint.deviceName(), remote(),
                    settings.loginTimeout());
        }
        // IOS prints the prompt that timed out, trailing space included, hence the two spaces.
        closeAfter(NEW_LINE + "% " + prompt + " timeout expired!" + NEW_LINE);
    }

    private void cancelLoginTimeout() {
        if (loginTimeout != null) {
            loginTimeout.cancel(false);
            loginTimeout = null;
        }
    }

    // ---- negotiation

    private void onNegotiation(TelnetMessage.Negotiation negotiation) {
        OptionNegotiator.Outcome outcome = options.receive(negotiation);
        LOG.debug("{} {}: received {}, answering {}", endpoint.deviceName(), remote(), negotiation,
                outcome.reply().map(Object::toString).orElse("nothing"));
        outcome.reply().ifPresent(ctx::write);
        if (outcome.change() == OptionNegotiator.Change.REMOTE_ENABLED
                && negotiation.option() == TelnetOption.TERMINAL_TYPE.code()) {
            // RFC 1091: once the client agrees (WILL TERMINAL-TYPE), the server asks for the name.
            ctx.write(new TelnetMessage.Subnegotiation(TelnetOption.TERMINAL_TYPE,
                    new byte[] {TerminalTypeCode.SEND.code}));
        }
    }

    private void onSubnegotiation(TelnetMessage.Subnegotiation sub) {
        byte[] parameters = sub.parameters();
        if (sub.option() == TelnetOption.NAWS.code()) {
            onWindowSize(parameters);
        } else if (sub.option() == TelnetOption.TERMINAL_TYPE.code()) {
            onTerminalType(parameters);
        } else {
            LOG.debug("{} {}: ignoring {}", endpoint.deviceName(), remote(), sub);
        }
    }

    /** RFC 1073: {@code IAC SB NAWS width(2 bytes) height(2 bytes) IAC SE}, big-endian, 0 meaning unknown. */
    private void onWindowSize(byte[] parameters) {
        if (parameters.length != 4) {
            LOG.debug("{} {}: ignoring NAWS with {} bytes", endpoint.deviceName(), remote(), parameters.length);
            return;
        }
        columns = ((parameters[0] & 0xff) << 8) | (parameters[1] & 0xff);
        rows = ((parameters[2] & 0xff) << 8) | (parameters[3] & 0xff);
        LOG.debug("{} {}: window size {}x{}", endpoint.deviceName(), remote(), columns, rows);
        if (state == State.SHELL) {
            shell.resize(columns, rows);
        }
    }

    /** RFC 1091: {@code IAC SB TERMINAL-TYPE IS name IAC SE}; the name is NVT ASCII. */
    private void onTerminalType(byte[] parameters) {
        if (parameters.length < 2 || parameters[0] != TerminalTypeCode.IS.code) {
            LOG.debug("{} {}: ignoring malformed TERMINAL-TYPE subnegotiation", endpoint.deviceName(), remote());
            return;
        }
        StringBuilder name = new StringBuilder();
        for (int i = 1; i < parameters.length; i++) {
            int c = parameters[i] & 0xff;
            if (c > ' ' && c < 0x7f) {
                name.append((char) c);
            }
        }
        terminalType = name.toString();
        LOG.debug("{} {}: terminal type {}", endpoint.deviceName(), remote(), terminalType);
    }

    private void onCommand(TelnetCommand command) {
        if (command == TelnetCommand.ARE_YOU_THERE) {
            // What IOS answers to AYT.
            ctx.writeAndFlush(TelnetMessage.Data.of("\r\n[Yes]\r\n"));
        } else {
            LOG.debug("{} {}: ignoring IAC {}", endpoint.deviceName(), remote(), command);
        }
    }

    // ---- output

    private void flushOutput() {
        if (pendingOutput.length() > 0 && state != State.CLOSED) {
            ctx.write(TelnetMessage.Data.of(drainOutput()));
        }
    }

    private String drainOutput() {
        String text = pendingOutput.toString();
        pendingOutput.setLength(0);
        return text;
    }

    private SocketAddress remote() {
        return remote;
    }

    private void publishLogin(String user, LoginResult result) {
        InetSocketAddress peer = remote() instanceof InetSocketAddress address ? address : null;
        endpoint.events().publish(DeviceEvent.Login.from(user, peer, "telnet", result));
    }
}
