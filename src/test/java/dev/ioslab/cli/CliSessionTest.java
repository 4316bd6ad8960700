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

    @Test
    void execChannelRunsOneCommandAndReportsItsStatus() throws Exception {
        CliTester t = CliTester.privileged(dir);
        dev.ioslab.testing.FakeTerminal out = new dev.ioslab.testing.FakeTerminal();
        int status = t.shell().exec(t.session().info(), "show privilege", out).get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(status).isZero();
        assertThat(out.output()).isEqualTo("Current privilege level is 15\r\n");
        dev.ioslab.testing.FakeTerminal bad = new dev.ioslab.testing.FakeTerminal();
        assertThat(t.shell().exec(t.session().info(), "show nothing", bad).get(5, java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(1);
        assertThat(bad.output()).contains("% Invalid input detected at '^' marker.");
    }

    @Test
    void execChannelQuestionsEndTheCommandInsteadOfWaiting() throws Exception {
        CliTester t = CliTester.privileged(dir);
        dev.ioslab.testing.FakeTerminal out = new dev.ioslab.testing.FakeTerminal();
        t.shell().exec(t.session().info(), "erase startup-config", out).get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(out.output()).startsWith("Erasing the nvram filesystem will remove all configuration files!")
                .doesNotContain("[OK]");
    }

    @Test
    void takesNoInputWhileThePeerIsNotReading() {
        CliTester t = CliTester.privileged(dir);
        t.terminal().setBacklogged(true);
        // Nothing is echoed or run while output is backed up; nothing typed is lost either.
        assertThat(t.text("show privilege\rshow privilege\r")).isEmpty();
        t.terminal().setBacklogged(false);
        assertThat(t.terminal().take()).isEqualTo("show privilege\r\nCurrent privilege level is 15\r\nR1#"
                + "show privilege\r\nCurrent privilege level is 15\r\nR1#");
    }

    @Test
    void echoOutputAndPromptOfOneTypedLineLeaveInOneWrite() {
        CliTester t = CliTester.privileged(dir);
        int before = t.terminal().writes();
        assertThat(t.text("show privilege\r")).isEqualTo("show privilege\r\nCurrent privilege level is 15\r\nR1#");
        assertThat(t.terminal().writes() - before).isEqualTo(1);
    }

    @Test
    void keysTypedOneByOneAreEchoedOneWriteEach() {
        CliTester t = CliTester.privileged(dir);
        int before = t.terminal().writes();
        for (char c : "show".toCharArray()) {
            t.text(String.valueOf(c));
        }
        assertThat(t.terminal().writes() - before).isEqualTo(4);
        int beforeEnter = t.terminal().writes();
        assertThat(t.text(" privilege\r")).endsWith("R1#");
        assertThat(t.terminal().writes() - beforeEnter).isEqualTo(1);
    }

    @Test
    void aPagedScreenAndItsMorePromptLeaveInOneWrite() {
        CliTester t = CliTester.privileged(dir);
        t.text("terminal length 5\r");
        int before = t.terminal().writes();
        assertThat(t.text("show running-config\r")).endsWith(" --More-- ");
        assertThat(t.terminal().writes() - before).isEqualTo(1);
        int beforeSpace = t.terminal().writes();
        t.text(" ");
        assertThat(t.terminal().writes() - beforeSpace).isEqualTo(1);
    }

    @Test
    void aOneLineTerminalStillPagesForwardALineAtATime() {
        CliTester t = CliTester.privileged(dir);
        t.text("terminal length 1\r");
        String first = t.text("show running-config\r");
        assertThat(first).endsWith(" --More-- ");
        String next = t.text(" ");
        assertThat(next).as("the space bar shows the next screen").contains("\r\n").endsWith(" --More-- ");
        assertThat(t.text("q")).endsWith("R1#");
    }

    @Test
    void execChannelHasAllOutputOfACommandThatFinishesOnAnotherThreadWhenItsStatusArrives() throws Exception {
        java.util.concurrent.ExecutorService fileIo = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            CliTester t = CliTester.privileged(dir, fileIo);
            dev.ioslab.testing.FakeTerminal out = new dev.ioslab.testing.FakeTerminal();
            java.util.concurrent.CompletableFuture<String> seen = t.shell().exec(t.session().info(), "write memory",
                    out).thenApply(status -> out.output());
            assertThat(seen.get(5, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo("Building configuration...\r\n[OK]\r\n");
        } finally {
            fileIo.shutdownNow();
        }
    }
}
