package dev.ioslab.frontend.ssh;

import dev.ioslab.cli.SessionInfo;
import java.util.Optional;
import org.apache.sshd.server.command.Command;

/**
 * Claims exec requests that are not CLI command lines, such as {@code scp -t flash0:/image.bin} from the SCP server.
 * Handlers are asked in order; the first that returns a command serves the channel, and a line no handler claims runs
 * on the device CLI ({@link dev.ioslab.cli.ShellEndpoint#exec}).
 *
 * <p>Threading: called on an SSH I/O thread; must return quickly. The returned command must not block that thread
 * either (MINA's {@code AsyncCommand}, or a command that does its blocking work on its own executor).
 */
@FunctionalInterface
public interface ExecCommandHandler {

    /**
     * Returns the command serving {@code commandLine}, or empty to leave it to the next handler.
     *
     * @param login       who asked: user, privilege, source address (no pty: columns and rows are 0)
     * @param commandLine the exec request exactly as the client sent it
     */
    Optional<Command> claim(SessionInfo login, String commandLine);
}
