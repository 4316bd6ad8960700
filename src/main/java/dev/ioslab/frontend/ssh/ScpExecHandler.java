package dev.ioslab.frontend.ssh;

import dev.ioslab.cli.SessionInfo;
import java.util.Objects;
import java.util.Optional;
import org.apache.sshd.server.command.Command;

/**
 * The device's SCP server ({@code ip scp server enable}): claims every exec request whose first word is {@code scp},
 * so such a line never reaches the CLI, and serves it with a {@link ScpServerCommand} into the device's file systems.
 * Whether SCP is enabled and who may use it are decided when the channel starts, and a refusal is an SCP error line,
 * which is what SCP clients understand.
 *
 * <p>Threading: {@link #claim} runs on an SSH I/O thread and only parses the line; the transfer runs on its own
 * thread (see {@link ScpServerCommand}).
 */
public final class ScpExecHandler implements ExecCommandHandler {

    private final ScpTarget target;

    /** An SCP server over {@code target}'s file systems. */
    public ScpExecHandler(ScpTarget target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public Optional<Command> claim(SessionInfo login, String commandLine) {
        return ScpRequest.parse(commandLine).map(request -> new ScpServerCommand(target, login, request, commandLine));
    }
}
