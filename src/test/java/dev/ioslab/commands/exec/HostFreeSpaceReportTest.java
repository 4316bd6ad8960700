package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import dev.ioslab.testing.SmallTmpfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dir}, {@code show flash} and {@code show file systems} on a device whose state lies on a real 8 MiB tmpfs:
 * the free bytes reported are the smaller of the device's own free space (about 245 MiB of a C3900's flash0:) and
 * what the host can still store, while the total stays the device's capacity. Skipped unless the test may mount a
 * tmpfs (root; CI runs as root).
 */
@Timeout(60)
class HostFreeSpaceReportTest {

    private static final long DISK = 8L * 1024 * 1024;
    private static final long SLACK = 256 * 1024;
    private static final Pattern DIR_FREE = Pattern.compile("(\\d+) bytes total \\((\\d+) bytes free\\)");
    private static final Pattern FLASH_FREE = Pattern.compile("(\\d+) bytes available \\((\\d+) bytes used\\)");

    @TempDir
    Path dir;

    private SmallTmpfs disk;
    private CliTester t;

    @BeforeEach
    void setUp() throws Exception {
        disk = SmallTmpfs.mount(dir.resolve("var"), 8);
        t = FsFixture.tester(disk.root().resolve("R1"));
        FsFixture.put(t, "flash0", "image.bin", FsFixture.random(100_000, 1));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    private static long group(Pattern pattern, String out, int group) {
        Matcher m = pattern.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(group));
    }

    @Test
    void freeBytesNeverExceedWhatTheHostDiskHolds() throws Exception {
        long capacity = FsFixture.fs(t, "flash0").space().capacity();
        long deviceFree = FsFixture.fs(t, "flash0").space().free();
        assertThat(deviceFree).isGreaterThan(100L * 1024 * 1024);

        String dirOut = t.text("dir flash0:\r");
        long usable = disk.usable();

        assertThat(group(DIR_FREE, dirOut, 1)).isEqualTo(capacity);
        assertThat(group(DIR_FREE, dirOut, 2)).isLessThanOrEqualTo(DISK).isBetween(usable - SLACK, usable + SLACK);
        assertThat(group(FLASH_FREE, t.text("show flash0:\r"), 1)).isBetween(usable - SLACK, usable + SLACK);
        assertThat(t.text("show file systems\r"))
                .containsPattern("\\s" + capacity + "\\s+\\d{1,7}\\s+disk\\s+rw\\s+flash0:");
    }

    @Test
    void aFullHostDiskLeavesAlmostNothingFreeAndSpaceComesBackWhenFreed() throws Exception {
        Path filler = disk.root().resolve("filler");
        disk.fill(filler, 0);

        assertThat(group(DIR_FREE, t.text("dir flash0:\r"), 2)).isLessThan(SLACK);
        assertThat(group(FLASH_FREE, t.text("show flash0:\r"), 1)).isLessThan(SLACK);

        Files.delete(filler);
        assertThat(group(DIR_FREE, t.text("dir flash0:\r"), 2)).isGreaterThan(DISK - 2 * 1024 * 1024);
    }

    @Test
    void aFileNeverListedBeforeIsListedOnAFullHostDiskThoughItsNumberCannotBeSaved() throws Exception {
        // Dropped in from the host: the listing numbers it, and the numbers' index cannot be written on a full disk.
        Files.write(disk.root().resolve("R1/flash0/dropped.bin"), new byte[1000]);
        disk.fill(disk.root().resolve("filler"), 0);

        String out = t.text("dir flash0:\r");

        assertThat(out).contains("image.bin", "dropped.bin").doesNotContain("%Error");
        assertThat(t.text("dir flash0:dropped.bin\r")).contains("dropped.bin").doesNotContain("%Error");
    }
}
