package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowFileSystemsCommandTest {

    @TempDir
    Path dir;
    @TempDir
    Path scratch;

    @Test
    void listsEveryFileSystemWithRealSizes() {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "img.bin", FsFixture.random(1000, 2));
        assertThat(t.text("show file systems\r")).isEqualTo("show file systems\r\n"
                + "File Systems:\r\n"
                + "\r\n"
                + "       Size(b)       Free(b)      Type  Flags  Prefixes\r\n"
                + "             -             -    opaque     rw   archive:\r\n"
                + "             -             -    opaque     rw   system:\r\n"
                + "             -             -    opaque     rw   tmpsys:\r\n"
                + "             -             -    opaque     rw   null:\r\n"
                + "             -             -   network     rw   tftp:\r\n"
                + "*    256487424     256486424      disk     rw   flash0: flash:#\r\n"
                + "     256487424     256487424      disk     rw   flash1:\r\n"
                + "        262136        262136     nvram     rw   nvram:\r\n"
                + "             -             -    opaque     wo   syslog:\r\n"
                + "             -             -    opaque     rw   xmodem:\r\n"
                + "             -             -    opaque     rw   ymodem:\r\n"
                + "             -             -   network     rw   rcp:\r\n"
                + "             -             -   network     rw   http:\r\n"
                + "             -             -   network     rw   ftp:\r\n"
                + "             -             -   network     rw   scp:\r\n"
                + "             -             -    opaque     ro   tar:\r\n"
                + "             -             -   network     rw   https:\r\n"
                + "             -             -    opaque     ro   cns:\r\n"
                + "    1006632960    1006632960  usbflash     rw   usbflash0:\r\n"
                + "    1006632960    1006632960  usbflash     rw   usbflash1:\r\n"
                + "R1#");
        assertThat(t.text("show file system\r")).contains("File Systems:");
    }

    @Test
    void parsesWithNtcTemplateWhichSkipsTheDefaultRow() throws Exception {
        CliTester t = FsFixture.tester(dir);
        String out = t.text("show file systems\r");
        String body = out.substring(out.indexOf("File Systems:"), out.lastIndexOf("R1#"));
        List<String> rows = TextFsm.parse("cisco_ios_show_file_systems.textfsm", body, scratch);
        assertThat(rows.get(0)).isEqualTo("SIZE|FREE|TYPE|FLAGS|PREFIXES");
        assertThat(rows).contains("262136|262136|nvram|rw|nvram:", "1006632960|1006632960|usbflash|rw|usbflash0:",
                "-|-|opaque|rw|system:", "256487424|256487424|disk|rw|flash1:");
        assertThat(rows).noneMatch(r -> r.contains("|flash0:"));
    }
}
