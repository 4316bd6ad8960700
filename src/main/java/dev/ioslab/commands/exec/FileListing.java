package dev.ioslab.commands.exec;

import dev.ioslab.fs.FileEntry;
import dev.ioslab.fs.FsType;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How IOS prints one file in {@code dir} (reference §4.1) and {@code show flash:} (§4.2): right-aligned index,
 * permissions, size and date columns. Stateless.
 */
final class FileListing {

    /** {@code dir}: day without leading zero, right-aligned in the column as on IOS XE. */
    private static final DateTimeFormatter DIR_DATE =
            DateTimeFormatter.ofPattern("MMM d yyyy HH:mm:ss xxx", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** {@code show flash:}: fixed-width date. */
    private static final DateTimeFormatter SHOW_DATE =
            DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm:ss xxx", Locale.ROOT).withZone(ZoneOffset.UTC);

    private FileListing() {
    }

    /** {@code "    1  -rw-    55088360  Jun 28 2012 23:19:58 +00:00  name"}; NVRAM has {@code <no date>}. */
    static String dirLine(FileEntry entry) {
        String permissions = entry.directory() ? "drw-" : "-rw-";
        String date = entry.path().fileSystem().spec().type() == FsType.NVRAM
                ? "<no date>" : DIR_DATE.format(entry.modified());
        return String.format(Locale.ROOT, "%5d  %s%12d  %27s  %s", entry.index(), permissions, entry.size(), date,
                entry.name());
    }

    /** {@code "1     74503236 Dec 30 2024 00:01:42 +09:00 dir/name"}; directories end with a slash. */
    static String showLine(int number, FileEntry entry) {
        String path = entry.path().relative() + (entry.directory() ? "/" : "");
        return String.format(Locale.ROOT, "%-3d %10d %s %s", number, entry.size(), SHOW_DATE.format(entry.modified()),
                path);
    }
}
