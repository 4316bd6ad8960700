package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.fs.FileEntry;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.FsPath;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.fs.SpaceUsage;
import java.util.List;
import java.util.Optional;

/**
 * {@code dir [/all|/recursive] [fs:[path]]} (reference §4.1): {@code Directory of flash0:/}, one line per entry,
 * {@code No files in directory} when empty, and the real {@code N bytes total (M bytes free)} of the file system.
 * A file argument lists that one file, as Netmiko's existence check expects. Listing is metadata only and runs
 * inline.
 */
public final class DirCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("dir [/all|/recursive] [URL:path]")
                .help("dir", "List files on a filesystem")
                .help("/all", "List all files")
                .help("/recursive", "List files recursively")
                .help("path", "Directory or file name")
                .pipeable()
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Optional<LocalUrl> target = FileArgument.localOrCurrent(inv, "path", "opening");
        if (target.isEmpty()) {
            return;
        }
        FsPath path = target.get().path();
        IosFileSystem fs = path.fileSystem();
        try {
            FileEntry entry = fs.stat(path);
            SpaceUsage space = fs.space();
            if (!entry.directory()) {
                inv.println("Directory of " + path.display());
                inv.println("");
                inv.println(FileListing.dirLine(entry));
            } else {
                listDirectory(inv, path, inv.has("/recursive"));
            }
            inv.println("");
            inv.println(space.capacity() + " bytes total (" + fs.reportedFree(space) + " bytes free)");
        } catch (FsException e) {
            FileArgument.report(inv, "opening", target.get(), e);
        }
    }

    private static void listDirectory(Invocation inv, FsPath directory, boolean recursive) throws FsException {
        List<FileEntry> entries = directory.fileSystem().list(directory);
        inv.println("Directory of " + directory.display());
        inv.println("");
        if (entries.isEmpty()) {
            inv.println("No files in directory");
        }
        entries.forEach(e -> inv.println(FileListing.dirLine(e)));
        if (recursive) {
            for (FileEntry e : entries) {
                if (e.directory()) {
                    inv.println("");
                    listDirectory(inv, e.path(), true);
                }
            }
        }
    }
}
