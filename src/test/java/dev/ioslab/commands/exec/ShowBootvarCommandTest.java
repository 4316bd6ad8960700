package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowBootvarCommandTest {

    @TempDir
    Path dir;

    @Test
    void emptyBootVariable() {
        CliTester t = FsFixture.tester(dir);
        assertThat(t.text("show bootvar\r")).isEqualTo("show bootvar\r\n"
                + "BOOT variable = \r\nCONFIG_FILE variable = \r\nBOOTLDR variable = \r\n"
                + "Configuration register is 0x2102\r\nR1#");
    }

    @Test
    void bootSystemEntriesAndPendingRegister() {
        CliTester t = FsFixture.tester(dir);
        t.text("configure terminal\r");
        t.text("boot system flash0:c3900-universalk9-mz.SPA.157-3.M8.bin\r");
        t.text("boot system flash c3900-old.bin\r");
        t.text("config-register 0x2142\r");
        t.text("end\r");
        String out = t.text("show boot\r");
        assertThat(out).isEqualTo("show boot\r\n"
                + "BOOT variable = flash0:c3900-universalk9-mz.SPA.157-3.M8.bin,1;flash:c3900-old.bin,1;\r\n"
                + "CONFIG_FILE variable = \r\nBOOTLDR variable = \r\n"
                + "Configuration register is 0x2102 (will be 0x2142 at next reload)\r\nR1#");
        // IOSFW's parser of router bootvar output.
        Matcher m = Pattern.compile("(?m)^BOOT\\s+(?:variable\\s+=\\s+|path-list\\s+:\\s+)(.*)$")
                .matcher(out.replace("\r", ""));
        assertThat(m.find()).isTrue();
        assertThat(m.group(1).split(",1;")).containsExactly("flash0:c3900-universalk9-mz.SPA.157-3.M8.bin",
                "flash:c3900-old.bin");
        assertThat(t.text("show bootvar\r")).contains("(will be 0x2142 at next reload)");
    }
}
