package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.fs.FileEntry;
import dev.ioslab.fs.FsError;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.LocalUrl;
import java.util.Optional;

/**
 * {@code cd [fs:[dir]]}: changes the session's current directory, against which bare names and plain {@code dir}
 * resolve; without an argument returns to the default file system's root. Silent on success, as on IOS.
 */
public final class CdCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("cd [URL:path]")
                .help("cd", "Change current directory")
                .help("path", "Directory name")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        if (inv.arg("path") == null) {
            inv.context().setCurrentDirectory(null);
            return;
        }
        Optional<LocalUrl> target = FileArgument.local(inv, "path", "opening");
        if (target.isEmpty()) {
            return;
        }
        try {
            FileEntry entry = target.get().fileSystem().stat(target.get().path());
            if (!entry.directory()) {
                throw new FsException(FsError.NOT_A_DIRECTORY, target.get().path().display());
            }
            inv.context().setCurrentDirectory(target.get().path());
        } catch (FsException e) {
            FileArgument.report(inv, "opening", target.get(), e);
        }
    }
}
