package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.fs.FileEntry;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.FsPath;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.SpaceUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code show flash0:}, {@code show flash:} and the other disk file systems in the ISR G2 layout (reference §4.2):
 * {@code -#- --length-- -----date/time------ path}, every file and folder below the root, then
 * {@code N bytes available (M bytes used)}; {@code No files on device} when empty. Available at privilege 1, as on
 * the 2901 capture. Metadata only, runs inline.
 */
public final class ShowFlashCommand implements SimpleCommand {

    private static final List<String> FILE_SYSTEMS = List.of("flash0:", "flash1:", "flash:", "usbflash0:",
            "usbflash1:");

    @Override
    public CommandSpec spec() {
        CommandSpec.Builder b = CommandSpec.in(CliMode.EXEC).privilege(1)
                .syntax("show (flash0:|flash1:|flash:|usbflash0:|usbflash1:|flash)")
                .help("flash", "display information about flash: file system")
                .pipeable();
        FILE_SYSTEMS.forEach(fs -> b.help(fs, "display information about " + fs + " file system"));
        return b.build();
    }

    @Override
    public void run(Invocation inv) {
        String keyword = inv.keywords().get(inv.keywords().size() - 1);
        String name = keyword.endsWith(":") ? keyword : keyword + ":";
        Optional<IosFileSystem> found = inv.context().device().fileSystems().find(name);
        if (found.isEmpty()) {
            inv.println("%Error opening " + name + " (No such device)");
            return;
        }
        IosFileSystem fs = found.get();
        try {
            List<FileEntry> entries = new ArrayList<>();
            collect(fs.root(), entries);
            SpaceUsage space = fs.space();
            if (entries.isEmpty()) {
                inv.println("No files on device");
            } else {
                inv.println("-#- --length-- -----date/time------ path");
                for (int i = 0; i < entries.size(); i++) {
                    inv.println(FileListing.showLine(i + 1, entries.get(i)));
                }
            }
            inv.println("");
            inv.println(fs.reportedFree(space) + " bytes available (" + (space.capacity() - space.free())
                    + " bytes used)");
        } catch (FsException e) {
            inv.println("%Error opening " + e.path() + " (" + e.error().reason() + ")");
        }
    }

    private static void collect(FsPath directory, List<FileEntry> out) throws FsException {
        for (FileEntry e : directory.fileSystem().list(directory)) {
            out.add(e);
            if (e.directory()) {
                collect(e.path(), out);
            }
        }
    }
}
