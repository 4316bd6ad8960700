package dev.ioslab.frontend.ssh;

import dev.ioslab.cli.SessionInfo;
import dev.ioslab.cli.ShellEndpoint;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ssh r1 show version}: runs one exec-mode command line on the device CLI, then closes the channel with the
 * command's exit status (0 success, 1 failure), as IOS does for remote commands. When the client closes the channel
 * first, the run is cancelled: the device aborts the command and frees the vty line, as for a dropped session.
 *
 * <p>Threading: starts on an I/O thread; the command's future may complete on any thread, and its output and the
 * channel close go through the thread-safe {@link ChannelTerminal}.
 */
final class ExecChannelCommand extends ChannelCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ExecChannelCommand.class);
    private static final int FAILED = 1;

    private final ShellEndpoint endpoint;
    private final String commandLine;
    private volatile CompletableFuture<Integer> run;

    ExecChannelCommand(ShellEndpoint endpoint, String commandLine) {
        this.endpoint = endpoint;
        this.commandLine = commandLine;
    }

    @Override
    protected void started(ChannelSession channel, Environment env, ChannelTerminal terminal) {
        SessionInfo info = sessionInfo(channel, env);
        LOG.debug("SSH exec on {} by {} from {}: {}", endpoint.deviceName(), info.user(), info.remote(), commandLine);
        CompletableFuture<Integer> result;
        try {
            result = endpoint.exec(info, commandLine, terminal);
        } catch (RuntimeException e) {
            LOG.warn("SSH exec on {} failed to start '{}': {}", endpoint.deviceName(), commandLine, e.toString(), e);
            terminal.finish(FAILED);
            return;
        }
        run = result;
        result.whenComplete((status, failure) -> {
            if (failure instanceof CancellationException) {
                LOG.debug("SSH exec on {} ended with its channel: '{}'", endpoint.deviceName(), commandLine);
            } else if (failure != null) {
                LOG.warn("SSH exec on {} failed '{}': {}", endpoint.deviceName(), commandLine, failure.toString(),
                        failure);
            }
            terminal.finish(failure != null || status == null ? FAILED : status);
        });
    }

    @Override
    protected void destroyed() {
        CompletableFuture<Integer> result = run;
        if (result != null) {
            // Nothing when the command has finished; otherwise it is aborted and its late output dropped.
            result.cancel(false);
        }
    }
}
