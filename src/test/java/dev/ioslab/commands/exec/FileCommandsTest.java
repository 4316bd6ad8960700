package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.testing.CliTester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transcripts of mkdir, rmdir, delete, rename, more, format and erase. */
class FileCommandsTest {

    @TempDir
    Path dir;

    private boolean exists(CliTester t, String fs, String path) throws Exception {
        IosFileSystem f = FsFixture.fs(t, fs);
        return f.exists(f.resolve(path));
    }

    @Test
    void mkdirAsksThenCreates() throws Exception {
        CliTester t = FsFixture.tester(dir);
        assertThat(t.text("mkdir flash0:images\r")).isEqualTo("mkdir flash0:images\r\n"
                + "Create directory filename [images]? ");
        assertThat(t.text("\r")).isEqualTo("\r\nCreated dir flash0:/images\r\nR1#");
        assertThat(exists(t, "flash0", "images")).isTrue();
        assertThat(t.text("mkdir flash0:images\r\r")).contains("%Error creating directory flash0:/images (File exists)");
    }

    @Test
    void rmdirAsksConfirmsAndRefusesNonEmptyFolders() throws Exception {
        CliTester t = FsFixture.tester(dir);
        t.text("mkdir flash0:d\r\r");
        FsFixture.put(t, "flash0", "d/x", "1");
        assertThat(t.text("rmdir flash0:d\r")).isEqualTo("rmdir flash0:d\r\nRemove directory filename [d]? ");
        assertThat(t.text("\r")).isEqualTo("\r\nDelete flash0:/d? [confirm]");
        assertThat(t.text("\r")).isEqualTo("\r\n%Error removing dir flash0:/d (Directory not empty)\r\nR1#");
        t.text("delete /force flash0:d/x\r\r");
        assertThat(t.text("rmdir flash0:d\r\r\r")).endsWith("Removed dir flash0:/d\r\nR1#");
        assertThat(exists(t, "flash0", "d")).isFalse();
    }

    @Test
    void deleteAsksFilenameThenConfirms() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "memleak.tcl", "puts x");
        assertThat(t.text("delete flash:memleak.tcl\r")).isEqualTo("delete flash:memleak.tcl\r\n"
                + "Delete filename [memleak.tcl]? ");
        assertThat(t.text("\r")).isEqualTo("\r\nDelete flash:/memleak.tcl? [confirm]");
        assertThat(exists(t, "flash0", "memleak.tcl")).isTrue();
        assertThat(t.text("\r")).isEqualTo("\r\nR1#");
        assertThat(exists(t, "flash0", "memleak.tcl")).isFalse();
    }

    @Test
    void deleteDeclinedKeepsTheFile() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "keep.bin", "x");
        assertThat(t.text("delete flash0:keep.bin\r\rn")).endsWith("Delete flash0:/keep.bin? [confirm]n\r\nR1#");
        assertThat(exists(t, "flash0", "keep.bin")).isTrue();
    }

    @Test
    void deleteForceSkipsConfirmAndQuietSkipsBoth() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "a", "x");
        FsFixture.put(t, "flash0", "b", "x");
        assertThat(t.text("delete /force flash0:a\r")).isEqualTo("delete /force flash0:a\r\n"
                + "Delete filename [a]? ");
        assertThat(t.text("\r")).isEqualTo("\r\nR1#");
        assertThat(exists(t, "flash0", "a")).isFalse();
        t.text("configure terminal\r");
        t.text("file prompt quiet\r");
        t.text("end\r");
        assertThat(t.text("delete flash0:b\r")).isEqualTo("delete flash0:b\r\nR1#");
        assertThat(exists(t, "flash0", "b")).isFalse();
    }

    @Test
    void deleteMissingFileAndDirectoryWithoutRecursive() {
        CliTester t = FsFixture.tester(dir);
        assertThat(t.text("delete flash0:nope\r\r\r")).endsWith(
                "\r\n%Error deleting flash0:/nope (No such file or directory)\r\nR1#");
        t.text("mkdir flash0:d\r\r");
        assertThat(t.text("delete /force flash0:d\r\r")).endsWith(
                "\r\n%Error deleting flash0:/d (Is a directory)\r\nR1#");
    }

    @Test
    void deleteRecursiveRemovesATree() throws Exception {
        CliTester t = FsFixture.tester(dir);
        t.text("mkdir flash0:d\r\r");
        FsFixture.put(t, "flash0", "d/x", "123");
        assertThat(t.text("delete /force /recursive flash0:d\r\r")).endsWith("\r\nR1#");
        assertThat(exists(t, "flash0", "d")).isFalse();
        assertThat(FsFixture.fs(t, "flash0").space().used()).isZero();
    }

    @Test
    void deleteTraversalIsRefused() {
        CliTester t = FsFixture.tester(dir);
        assertThat(t.text("delete flash0:/../x\r")).isEqualTo("delete flash0:/../x\r\n"
                + "%Error deleting flash0:/../x (Invalid argument)\r\nR1#");
    }

    @Test
    void renameAsksDestinationAndKeepsTheIndex() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "first", "1");
        FsFixture.put(t, "flash0", "a", "22");
        assertThat(t.text("rename flash0:a flash0:b\r")).isEqualTo("rename flash0:a flash0:b\r\n"
                + "Destination filename [b]? ");
        assertThat(t.text("\r")).isEqualTo("\r\nR1#");
        assertThat(exists(t, "flash0", "a")).isFalse();
        assertThat(t.text("dir flash0:b\r")).contains("    2  -rw-           2  ");
        assertThat(t.text("rename flash0:b flash0:first\r\r")).contains(
                "%Error renaming flash0:/first (File exists)");
    }

    @Test
    void moreShowsTextAndMasksBinary() {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "packages.conf", "pkginfo: PackageName: x\r\nline two\n");
        assertThat(t.text("more flash0:packages.conf\r")).isEqualTo("more flash0:packages.conf\r\n"
                + "pkginfo: PackageName: x\r\nline two\r\nR1#");
        assertThat(t.text("more flash0:packages.conf | include Package\r")).isEqualTo(
                "more flash0:packages.conf | include Package\r\npkginfo: PackageName: x\r\nR1#");
        FsFixture.put(t, "flash0", "bin", new byte[] {0x1b, '[', '2', 'J', 0, 'o', 'k'});
        assertThat(t.text("more flash0:bin\r")).isEqualTo("more flash0:bin\r\n.[2J.ok\r\nR1#");
        assertThat(t.text("more flash0:none\r")).contains("%Error opening flash0:/none (No such file or directory)");
    }

    @Test
    void moreIsBounded() {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "big.txt", ("x".repeat(99) + "\n").repeat(20_000));
        String out = t.text("more flash0:big.txt\r");
        assertThat(out.length()).isLessThan(MoreCommand.LIMIT + 40_000);
    }

    @Test
    void formatAsksTwiceAndPrintsRealTotals() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "usbflash0", "old.bin", "x");
        assertThat(t.text("format usbflash0:\r")).isEqualTo("format usbflash0:\r\n"
                + "Format operation may take a while. Continue? [confirm]");
        assertThat(t.text("y")).isEqualTo("y\r\n"
                + "Format operation will destroy all data in \"usbflash0:\".  Continue? [confirm]");
        assertThat(t.text("y")).isEqualTo("y\r\n"
                + "Format: All system sectors written. OK...\r\n"
                + "\r\n"
                + "Format: Total sectors in formatted partition: 1966080\r\n"
                + "Format: Total bytes in formatted partition: 1006632960\r\n"
                + "Format: Operation completed successfully.\r\n"
                + "\r\n"
                + "Format of usbflash0: complete\r\n"
                + "R1#");
        assertThat(exists(t, "usbflash0", "old.bin")).isFalse();
    }

    @Test
    void formatDeclinedKeepsFilesAndUnknownPrefixIsRefused() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "usbflash0", "old.bin", "x");
        assertThat(t.text("format usbflash0:\r\r")).endsWith("Continue? [confirm]");
        assertThat(t.text("n")).isEqualTo("n\r\nR1#");
        assertThat(exists(t, "usbflash0", "old.bin")).isTrue();
        assertThat(t.text("format usb:\r")).contains("       ^\r\n% Invalid input detected at '^' marker.");
        assertThat(t.text("format flash0:x\r")).contains("% Invalid input detected at '^' marker.");
    }

    @Test
    void eraseFileSystemConfirmsThenEmptiesIt() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash1", "a", "x");
        assertThat(t.text("erase flash1:\r")).isEqualTo("erase flash1:\r\n"
                + "Erasing the flash1 filesystem will remove all files! Continue? [confirm]");
        assertThat(t.text("y")).isEqualTo("y[OK]\r\nErase of flash1: complete\r\nR1#");
        assertThat(exists(t, "flash1", "a")).isFalse();
        try (Stream<Path> left = Files.list(dir.resolve("flash1"))) {
            assertThat(left.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith(".ioslab-"));
        }
        assertThat(t.text("erase nvram:\r")).contains("Erasing the nvram filesystem will remove all configuration");
    }
}
