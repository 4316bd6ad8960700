package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.fs.FsPath;

/** {@code pwd}: prints the current directory, {@code flash0:/} until {@code cd} changes it. */
public final class PwdCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("pwd")
                .help("pwd", "Display current working directory")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        FsPath current = inv.context().currentDirectory();
        FsPath shown = current != null ? current : inv.context().device().fileSystems().defaultFileSystem().root();
        inv.println(shown.display());
    }
}
