package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code show login}: IOS's report of login block-for, without it, in normal mode and in quiet mode. */
class ShowLoginCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutBlockForTheRouterDoesNotWatch() {
        CliTester t = CliTester.privileged(dir);
        assertThat(t.text("show login\r")).isEqualTo("show login\r\n"
                + "     No login delay has been applied.\r\n"
                + "     No Quiet-Mode access list has been configured.\r\n"
                + "\r\n"
                + "     Router NOT enabled to watch for login Attacks\r\n"
                + "R1#");
    }

    @Test
    void normalModeCountsTheFailuresOfTheCurrentWindowAndInTotal() {
        CliTester t = CliTester.privileged(dir);
        t.text("configure terminal\rlogin block-for 60 attempts 3 within 100\rend\r");
        t.clock().advance(Duration.ofSeconds(36));
        assertThat(t.shell().authenticate("admin", "wrong")).isEmpty();
        assertThat(t.text("show login\r")).isEqualTo("show login\r\n"
                + "     A default login delay of 1 second is applied.\r\n"
                + "     No Quiet-Mode access list has been configured.\r\n"
                + "\r\n"
                + "     Router enabled to watch for login Attacks.\r\n"
                + "     If more than 3 login failures occur in 100 seconds or less,\r\n"
                + "       logins will be disabled for 60 seconds.\r\n"
                + "\r\n"
                + "     Router presently in Normal-Mode.\r\n"
                + "     Current Watch Window\r\n"
                + "         Time remaining: 100 seconds.\r\n"
                + "         Login failures for current window: 1.\r\n"
                + "     Total login failures: 1.\r\n"
                + "R1#");

        t.clock().advance(Duration.ofSeconds(40));
        assertThat(t.shell().authenticate("admin", "wrong")).isEmpty();
        assertThat(t.text("show login\r"))
                .contains("         Time remaining: 60 seconds.\r\n")
                .contains("         Login failures for current window: 2.\r\n")
                .contains("     Total login failures: 2.\r\n");

        // The next window starts with no failures; the total keeps them.
        t.clock().advance(Duration.ofSeconds(70));
        assertThat(t.text("show login\r"))
                .contains("         Time remaining: 90 seconds.\r\n")
                .contains("         Login failures for current window: 0.\r\n")
                .contains("     Total login failures: 2.\r\n");
    }

    @Test
    void quietModeCountsDownAndDeniesEverySource() {
        CliTester t = CliTester.user(dir);
        t.shell().replayConfig("login block-for 60 attempts 2 within 100\n");
        assertThat(t.shell().authenticate("admin", "wrong")).isEmpty();
        assertThat(t.shell().authenticate("admin", "wrong")).isEmpty();
        t.clock().advance(Duration.ofSeconds(8));
        String quiet = t.text("show login\r");
        assertThat(quiet).endsWith("\r\n"
                + "     Router presently in Quiet-Mode.\r\n"
                + "     Will remain in Quiet-Mode for 52 seconds.\r\n"
                + "     Denying logins from all sources.\r\n"
                + "R1>");

        t.clock().advance(Duration.ofSeconds(52));
        assertThat(t.text("show login\r"))
                .contains("     Router presently in Normal-Mode.\r\n")
                .contains("         Time remaining: 100 seconds.\r\n")
                .contains("         Login failures for current window: 0.\r\n")
                .contains("     Total login failures: 2.\r\n");
    }
}
