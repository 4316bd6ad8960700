package dev.ioslab.cli;

import dev.ioslab.cli.edit.History;
import dev.ioslab.device.Device;
import dev.ioslab.fs.FsPath;

/**
 * The state of one CLI session that commands may read and change: device, privilege, mode, terminal
 * settings and history. Only used from within a command's execution, under the session's lock.
 */
public interface CliContext {

    Device device();

    SessionInfo info();

    int privilege();

    void setPrivilege(int level);

    CliMode mode();

    /** Object the current sub-mode works on (an interface name, a line range), or null. */
    Object modeTarget();

    /** Switches mode; {@code target} is what a sub-mode configures. */
    void enterMode(CliMode mode, Object target);

    int terminalLength();

    void setTerminalLength(int lines);

    int terminalWidth();

    void setTerminalWidth(int columns);

    boolean terminalMonitor();

    void setTerminalMonitor(boolean on);

    History history();

    /** The vty line number this session occupies. */
    int vty();

    /** Ends the session after the current command. */
    void logout();

    /**
     * The directory set by {@code cd}, against which bare file names resolve; null means the default file system's
     * root.
     */
    FsPath currentDirectory();

    /** Changes the current directory ({@code cd}); null returns to the default file system's root. */
    void setCurrentDirectory(FsPath directory);

    /** The command catalog, for commands that run other command lines (startup-config replay, {@code do}). */
    CommandCatalog catalog();
}
