package dev.ioslab.frontend.ssh;

import dev.ioslab.cli.SessionInfo;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.AsyncCommand;
import org.apache.sshd.server.session.ServerSession;

/**
 * Common part of the shell and exec channel commands: MINA hands them its non-blocking channel streams (because they
 * are {@link AsyncCommand}s), so no thread is parked per session; output goes through a {@link ChannelTerminal}.
 *
 * <p>Threading: MINA calls the setters, then {@link #start}, then {@link #destroy} when the channel closes.
 */
abstract class ChannelCommand implements AsyncCommand {

    private IoInputStream input;
    private IoOutputStream output;
    private ExitCallback exitCallback;
    private volatile ChannelTerminal terminal;

    @Override
    public final void setIoInputStream(IoInputStream in) {
        this.input = in;
    }

    @Override
    public final void setIoOutputStream(IoOutputStream out) {
        this.output = out;
    }

    @Override
    public final void setIoErrorStream(IoOutputStream err) {
        // IOS writes errors to the terminal like any other text; the stderr stream stays unused.
    }

    @Override
    public final void setExitCallback(ExitCallback callback) {
        this.exitCallback = callback;
    }

    @Override
    public final void setInputStream(InputStream in) {
        throw new IllegalStateException("SSH channel commands use MINA's asynchronous streams only");
    }

    @Override
    public final void setOutputStream(OutputStream out) {
        throw new IllegalStateException("SSH channel commands use MINA's asynchronous streams only");
    }

    @Override
    public final void setErrorStream(OutputStream err) {
        throw new IllegalStateException("SSH channel commands use MINA's asynchronous streams only");
    }

    @Override
    public final void start(ChannelSession channel, Environment env) {
        terminal = new ChannelTerminal(output, exitCallback, channel.toString());
        started(channel, env, terminal);
    }

    @Override
    public final void destroy(ChannelSession channel) {
        ChannelTerminal t = terminal;
        if (t != null) {
            t.channelClosed();
        }
        destroyed();
    }

    /** The channel's input; used by the shell, left unread by exec (IOS ignores input to an exec command). */
    protected final IoInputStream input() {
        return input;
    }

    /** The channel is open and its terminal ready. */
    protected abstract void started(ChannelSession channel, Environment env, ChannelTerminal terminal);

    /** The channel has closed (client, timeout or our own exit); release the session. */
    protected abstract void destroyed();

    /** Who is on this channel, with the pty the client asked for (0 and "" when it asked for none). */
    static SessionInfo sessionInfo(ChannelSession channel, Environment env) {
        ServerSession session = channel.getSession();
        Integer privilege = session.getAttribute(DeviceAuthenticator.PRIVILEGE);
        Map<String, String> vars = env.getEnv();
        String term = vars.getOrDefault(Environment.ENV_TERM, "");
        return new SessionInfo(session.getUsername(), privilege == null ? 1 : privilege, "ssh",
                DeviceAuthenticator.remoteAddress(session), term,
                number(vars.get(Environment.ENV_COLUMNS)), number(vars.get(Environment.ENV_LINES)));
    }

    /** Parses a pty dimension; absent or garbled values mean "unknown" (0). */
    static int number(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
