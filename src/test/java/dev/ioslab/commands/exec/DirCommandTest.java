package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirCommandTest {

    @TempDir
    Path dir;
    @TempDir
    Path scratch;

    private CliTester withTwoFiles() {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "c3900-universalk9-mz.SPA.157-3.M8.bin", FsFixture.random(3_500_000, 1));
        FsFixture.put(t, "flash0", "a.cfg", "hostname X\n");
        return t;
    }

    @Test
    void listsTheDefaultFileSystemWithRealTotals() {
        CliTester t = withTwoFiles();
        assertThat(t.text("dir flash:\r")).isEqualTo("dir flash:\r\n"
                + "Directory of flash0:/\r\n"
                + "\r\n"
                + "    1  -rw-     3500000  Nov 27 2026 10:00:00 +00:00  c3900-universalk9-mz.SPA.157-3.M8.bin\r\n"
                + "    2  -rw-          11  Nov 27 2026 10:00:00 +00:00  a.cfg\r\n"
                + "\r\n"
                + "256487424 bytes total (252987413 bytes free)\r\n"
                + "R1#");
        assertThat(t.text("dir\r")).contains("Directory of flash0:/\r\n");
    }

    @Test
    void singleDigitDaysAreRightAlignedAndFoldersShowDrw() {
        CliTester t = FsFixture.tester(dir);
        t.clock().advance(java.time.Duration.ofDays(5));
        t.text("mkdir flash0:d1\r\r");
        assertThat(t.text("dir flash0:\r"))
                .contains("\r\n    1  drw-           0   Dec 2 2026 10:00:00 +00:00  d1\r\n");
    }

    @Test
    void oneFileShowsItsOwnHeaderAsNetmikoExpects() {
        CliTester t = withTwoFiles();
        String out = t.text("dir flash0:/a.cfg\r");
        assertThat(out).isEqualTo("dir flash0:/a.cfg\r\n"
                + "Directory of flash0:/a.cfg\r\n"
                + "\r\n"
                + "    2  -rw-          11  Nov 27 2026 10:00:00 +00:00  a.cfg\r\n"
                + "\r\n"
                + "256487424 bytes total (252987413 bytes free)\r\n"
                + "R1#");
        // Netmiko: file exists, size is the third field of the line naming the file.
        assertThat(Pattern.compile("Directory of .*a.cfg", Pattern.DOTALL).matcher(out).find()).isTrue();
        String line = out.lines().filter(l -> l.contains("a.cfg") && l.startsWith(" ")).findFirst()
                .orElseThrow();
        assertThat(line.strip().split("\\s+")[2]).isEqualTo("11");
    }

    @Test
    void freeSpaceMatchesNetmikoAndAnsibleRegexes() {
        CliTester t = withTwoFiles();
        String out = t.text("dir flash0:\r");
        Matcher netmiko = Pattern.compile("(\\d+) \\w+ free").matcher(out);
        assertThat(netmiko.find()).isTrue();
        assertThat(netmiko.group(1)).isEqualTo("252987413");
        Matcher fs = Pattern.compile("Directory of (.*)/").matcher(out);
        assertThat(fs.find()).isTrue();
        assertThat(fs.group(1)).isEqualTo("flash0:");
        assertThat(Pattern.compile("(?m)^(\\d+) bytes total \\((\\d+) bytes free\\)").matcher(out.replace("\r", ""))
                .find()).isTrue();
    }

    @Test
    void missingFileAndBareNameOnTheDefaultFileSystem() {
        CliTester t = FsFixture.tester(dir);
        assertThat(t.text("dir flash0:x\r")).isEqualTo("dir flash0:x\r\n"
                + "%Error opening flash0:/x (No such file or directory)\r\nR1#");
        assertThat(t.text("dir usbflash0\r")).isEqualTo("dir usbflash0\r\n"
                + "%Error opening flash0:/usbflash0 (No such file or directory)\r\nR1#");
        assertThat(t.text("dir flash:/nothing\r"))
                .contains("%Error opening flash:/nothing (No such file or directory)");
    }

    @Test
    void unknownPrefixGetsTheCaretUnderIt() {
        CliTester t = FsFixture.tester(dir);
        assertThat(t.text("dir bogus:\r")).isEqualTo("dir bogus:\r\n"
                + "       ^\r\n% Invalid input detected at '^' marker.\r\n\r\nR1#");
    }

    @Test
    void emptyDirectoryAndNvramWithoutDates() {
        CliTester t = FsFixture.tester(dir);
        assertThat(t.text("dir usbflash0:\r")).isEqualTo("dir usbflash0:\r\n"
                + "Directory of usbflash0:/\r\n\r\nNo files in directory\r\n\r\n"
                + "1006632960 bytes total (1006632960 bytes free)\r\nR1#");
        FsFixture.put(t, "nvram", "startup-config", "x".repeat(1743));
        assertThat(t.text("dir nvram:\r")).isEqualTo("dir nvram:\r\n"
                + "Directory of nvram:/\r\n\r\n"
                + "    1  -rw-        1743                    <no date>  startup-config\r\n\r\n"
                + "262136 bytes total (260393 bytes free)\r\nR1#");
    }

    @Test
    void recursiveListsEveryFolder() {
        CliTester t = withTwoFiles();
        t.text("mkdir flash0:d1\r\r");
        FsFixture.put(t, "flash0", "d1/inner.txt", "abc");
        String out = t.text("dir /recursive flash0:\r");
        assertThat(out).contains("Directory of flash0:/\r\n", "  d1\r\n", "\r\nDirectory of flash0:/d1\r\n\r\n",
                "  inner.txt\r\n");
        assertThat(out).endsWith("\r\n256487424 bytes total (252987410 bytes free)\r\nR1#");
    }

    @Test
    void traversalIsRefused() {
        CliTester t = FsFixture.tester(dir);
        assertThat(t.text("dir flash0:../../\r")).isEqualTo("dir flash0:../../\r\n"
                + "%Error opening flash0:../../ (Invalid argument)\r\nR1#");
        assertThat(t.text("dir flash0:/../../etc\r")).contains("%Error opening flash0:/../../etc (Invalid argument)");
    }

    @Test
    void parsesWithNtcTemplate() throws Exception {
        CliTester t = withTwoFiles();
        String out = t.text("dir flash0:\r");
        String body = out.substring(out.indexOf("Directory of"), out.lastIndexOf("R1#"));
        List<String> rows = TextFsm.parse("cisco_ios_dir.textfsm", body, scratch);
        assertThat(rows.get(0)).isEqualTo("FILE_SYSTEM|ID|PERMISSIONS|SIZE|TOTAL_SIZE|TOTAL_FREE|DATE_TIME|NAME");
        assertThat(rows).containsExactly(rows.get(0),
                "flash0:/|1|-rw-|3500000|256487424|252987413|Nov 27 2026 10:00:00 +00:00"
                        + "|c3900-universalk9-mz.SPA.157-3.M8.bin",
                "flash0:/|2|-rw-|11|256487424|252987413|Nov 27 2026 10:00:00 +00:00|a.cfg");
    }

    @Test
    void emptyListingParsesWithNtcTemplate() throws Exception {
        CliTester t = FsFixture.tester(dir);
        String out = t.text("dir usbflash0:\r");
        String body = out.substring(out.indexOf("Directory of"), out.lastIndexOf("R1#"));
        List<String> rows = TextFsm.parse("cisco_ios_dir.textfsm", body, scratch);
        assertThat(rows).containsExactly("FILE_SYSTEM|ID|PERMISSIONS|SIZE|TOTAL_SIZE|TOTAL_FREE|DATE_TIME|NAME",
                "usbflash0:/||||1006632960|1006632960||");
    }

    @Test
    void plainDirFollowsCd() {
        CliTester t = withTwoFiles();
        t.text("mkdir flash0:d1\r\r");
        FsFixture.put(t, "flash0", "d1/inner.txt", "abc");
        assertThat(t.text("cd flash0:d1\r")).isEqualTo("cd flash0:d1\r\nR1#");
        assertThat(t.text("pwd\r")).isEqualTo("pwd\r\nflash0:/d1\r\nR1#");
        assertThat(t.text("dir\r")).contains("Directory of flash0:/d1\r\n", "inner.txt");
        assertThat(t.text("dir inner.txt\r")).contains("Directory of flash0:/d1/inner.txt");
        assertThat(t.text("cd flash0:nope\r")).contains("%Error opening flash0:/nope (No such file or directory)");
        assertThat(t.text("cd\r")).isEqualTo("cd\r\nR1#");
        assertThat(t.text("pwd\r")).isEqualTo("pwd\r\nflash0:/\r\nR1#");
    }
}
