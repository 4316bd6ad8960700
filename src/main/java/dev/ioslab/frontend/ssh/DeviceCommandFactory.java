package dev.ioslab.frontend.ssh;

import dev.ioslab.cli.SessionInfo;
import dev.ioslab.cli.ShellEndpoint;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;

/**
 * Serves exec requests: the first {@link ExecCommandHandler} that claims the line gets the channel, otherwise the
 * line runs on the device CLI.
 *
 * <p>Threading: called by MINA on an I/O thread.
 */
final class DeviceCommandFactory implements CommandFactory {

    private final ShellEndpoint endpoint;
    private final List<ExecCommandHandler> handlers;

    DeviceCommandFactory(ShellEndpoint endpoint, List<ExecCommandHandler> handlers) {
        this.endpoint = endpoint;
        this.handlers = List.copyOf(handlers);
    }

    @Override
    public Command createCommand(ChannelSession channel, String commandLine) {
        if (!handlers.isEmpty()) {
            Environment env = channel.getEnvironment();
            SessionInfo login = ChannelCommand.sessionInfo(channel, env);
            for (ExecCommandHandler handler : handlers) {
                Optional<Command> claimed = handler.claim(login, commandLine);
                if (claimed.isPresent()) {
                    return claimed.get();
                }
            }
        }
        return new ExecChannelCommand(endpoint, commandLine);
    }
}
