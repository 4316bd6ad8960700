package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowFlashCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsInTheIsrG2Layout() {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "c2900-universalk9-mz.SPA.151-4.M4.bin", FsFixture.random(74503, 3));
        t.text("mkdir flash0:cfg\r\r");
        FsFixture.put(t, "flash0", "cfg/r1.cfg", "hostname R1\n");
        assertThat(t.text("show flash0:\r")).isEqualTo("show flash0:\r\n"
                + "-#- --length-- -----date/time------ path\r\n"
                + "1        74503 Nov 27 2026 10:00:00 +00:00 c2900-universalk9-mz.SPA.151-4.M4.bin\r\n"
                + "2            0 Nov 27 2026 10:00:00 +00:00 cfg/\r\n"
                + "3           12 Nov 27 2026 10:00:00 +00:00 cfg/r1.cfg\r\n"
                + "\r\n"
                + "256412909 bytes available (74515 bytes used)\r\n"
                + "R1#");
        assertThat(t.text("show flash:\r")).contains("256412909 bytes available (74515 bytes used)");
    }

    @Test
    void emptyDeviceAndUserLevel() {
        CliTester t = CliTester.user(dir);
        assertThat(t.text("sh usbflash0:\r")).isEqualTo("sh usbflash0:\r\n"
                + "No files on device\r\n\r\n1006632960 bytes available (0 bytes used)\r\nR1>");
    }
}
