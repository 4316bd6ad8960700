package dev.ioslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliSessionTest {

    @TempDir
    Path dir;

    @Test
    void blankEnterReprintsThePrompt() {
        CliTester t = CliTester.privileged(dir);
        assertThat(t.text("\r")).isEqualTo("\r\nR1#");
    }

    @Test
    void crLfIsOneEnter() {
        CliTester t = CliTester.privileged(dir);
        assertThat(t.text("\r\n")).isEqualTo("\r\nR1#");
        assertThat(t.text("\r\0")).isEqualTo("\r\nR1#");
        assertThat(t.text("\n")).isEqualTo("\r\nR1#");
        assertThat(t.text("\r")).isEqualTo("\r\nR1#");
        // The LF that completes a CR LF pair may arrive in a later packet: still one Enter.
        assertThat(t.text("\n")).isEmpty();
    }

    @Test
    void echoesCommandThenOutputThenPrompt() {
        CliTester t = CliTester.privileged(dir);
        assertThat(t.text("show privilege\n")).isEqualTo("show privilege\r\nCurrent privilege level is 15\r\nR1#");
    }

    @Test
    void rejectsAmbiguousKeyword() {
        CliTester t = CliTester.privileged(dir);
        assertThat(t.text("show i\r")).isEqualTo("show i\r\n% Ambiguous command: \"show i\"\r\nR1#");
    }
}
