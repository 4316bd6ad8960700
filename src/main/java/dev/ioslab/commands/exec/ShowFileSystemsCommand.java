package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.fs.FileSystemSpec;
import dev.ioslab.fs.FileSystemTable;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.SpaceUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code show file systems} (reference §4.3): one row per file system in platform order, {@code *} on the default,
 * real size and free bytes for mounted storage and {@code -} for empty slots and opaque or network ones, all
 * prefixes with {@code #} after the last one of the bootable device. Metadata only, runs inline.
 */
public final class ShowFileSystemsCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("show file systems")
                .help("file", "Show filesystem information")
                .help("systems", "List filesystems")
                .pipeable()
                .build();
    }

    @Override
    public void run(Invocation inv) {
        FileSystemTable table = inv.context().device().fileSystems();
        inv.println("File Systems:");
        inv.println("");
        inv.println("       Size(b)       Free(b)      Type  Flags  Prefixes");
        for (IosFileSystem fs : table.fileSystems()) {
            FileSystemSpec spec = fs.spec();
            String size = "-";
            String free = "-";
            if (fs.hasStorage()) {
                try {
                    SpaceUsage space = fs.space();
                    size = Long.toString(space.capacity());
                    free = Long.toString(fs.reportedFree(space));
                } catch (FsException e) {
                    // An unreadable medium shows like an empty slot; the fs layer has logged the host error.
                    size = "-";
                }
            }
            List<String> prefixes = new ArrayList<>();
            prefixes.add(spec.prefix());
            spec.aliases().forEach(a -> prefixes.add(a + ":"));
            String marker = fs == table.defaultFileSystem() ? "*" : " ";
            inv.println(String.format(Locale.ROOT, "%s%13s%14s%10s%7s   %s%s", marker, size, free,
                    spec.type().label(), spec.access().label(), String.join(" ", prefixes),
                    spec.bootable() ? "#" : ""));
        }
    }
}
