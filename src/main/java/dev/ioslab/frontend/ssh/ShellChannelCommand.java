package dev.ioslab.frontend.ssh;

import dev.ioslab.cli.SessionInfo;
import dev.ioslab.cli.ShellEndpoint;
import java.util.Map;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interactive shell of an SSH channel: opens a CLI session on the device with the pty the client asked for,
 * passes typed bytes and window changes to it, and tells it when the channel goes away.
 *
 * <p>Input is read with chained asynchronous reads: each completed read hands its bytes to the session and issues the
 * next read, so a session costs no thread while the user is idle. Client EOF (stdin closed) only stops reading: IOS
 * keeps the line until {@code exit}, the idle timeout or the channel close.
 *
 * <p>Threading: reads complete on I/O threads; all calls into the CLI go through a {@link SerialShellSession}.
 */
final class ShellChannelCommand extends ChannelCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ShellChannelCommand.class);
    private static final int READ_SIZE = 8192;

    private final ShellEndpoint endpoint;
    private final Buffer readBuffer = new ByteArrayBuffer(READ_SIZE, false);
    private volatile SerialShellSession session;
    private volatile boolean closed;
    private volatile String name;

    ShellChannelCommand(ShellEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    protected void started(ChannelSession channel, Environment env, ChannelTerminal terminal) {
        SessionInfo info = sessionInfo(channel, env);
        name = endpoint.deviceName() + "/" + info.user() + "@" + info.remote();
        LOG.debug("SSH shell on {}: terminal {} {}x{}", name, info.terminalType(), info.columns(), info.rows());
        SerialShellSession shell = new SerialShellSession(endpoint.openShell(info, terminal), name);
        session = shell;
        env.addSignalListener((ch, signal) -> {
            Map<String, String> vars = env.getEnv();
            shell.resize(number(vars.get(Environment.ENV_COLUMNS)), number(vars.get(Environment.ENV_LINES)));
        }, Signal.WINCH);
        shell.start();
        readNext();
    }

    @Override
    protected void destroyed() {
        closed = true;
        SerialShellSession shell = session;
        if (shell != null) {
            LOG.debug("SSH shell on {} closed", name);
            shell.disconnected();
        }
    }

    /** Issues reads until one is pending; completed reads are delivered in this loop rather than by recursion. */
    private void readNext() {
        IoInputStream in = input();
        while (!closed) {
            readBuffer.clear();
            IoReadFuture future;
            try {
                future = in.read(readBuffer);
            } catch (RuntimeException e) {
                LOG.debug("SSH shell on {}: read refused: {}", name, e.toString());
                return;
            }
            if (!future.isDone()) {
                future.addListener(this::readCompleted);
                return;
            }
            if (!deliver(future)) {
                return;
            }
        }
    }

    private void readCompleted(IoReadFuture future) {
        if (deliver(future)) {
            readNext();
        }
    }

    /** Hands a completed read to the CLI; false when reading must stop (EOF, error, channel closed). */
    private boolean deliver(IoReadFuture future) {
        Throwable failure = future.getException();
        int count = future.getRead();
        if (failure != null || count < 0) {
            LOG.debug("SSH shell on {}: input ended{}", name, failure == null ? "" : ": " + failure);
            return false;
        }
        if (count > 0 && !closed) {
            Buffer data = future.getBuffer();
            session.receive(data.array(), data.rpos(), data.available());
        }
        return !closed;
    }
}
