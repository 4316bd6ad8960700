package dev.ioslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code login block-for}: too many failed logins put the device in quiet mode, refusing every login for a while. */
class LoginBlockForTest {

    @TempDir
    Path dir;

    @Test
    void failedLoginsStartQuietModeWhichEndsAfterTheBlockPeriod() {
        CliTester t = CliTester.privileged(dir);
        t.type("configure terminal\rlogin block-for 100 attempts 3 within 60\rend\r");
        assertThat(t.type("show running-config | include block-for\r"))
                .contains("\r\nlogin block-for 100 attempts 3 within 60\r\n");
        DeviceShell shell = t.shell();
        assertThat(shell.authenticate("admin", "wrong")).isEmpty();
        assertThat(shell.authenticate("admin", "wrong")).isEmpty();
        assertThat(shell.acceptsTransport("ssh")).isTrue();
        assertThat(shell.authenticate("admin", "wrong")).isEmpty();

        // Quiet mode: even the right password is refused, and connections are not accepted.
        assertThat(shell.acceptsTransport("telnet")).isFalse();
        assertThat(shell.authenticate("admin", "admin")).isEmpty();

        t.clock().advance(Duration.ofSeconds(101));
        assertThat(shell.acceptsTransport("telnet")).isTrue();
        assertThat(shell.authenticate("admin", "admin")).hasValue(15);
    }

    @Test
    void failuresOutsideTheWatchWindowDoNotCount() {
        CliTester t = CliTester.privileged(dir);
        t.type("configure terminal\rlogin block-for 100 attempts 2 within 10\rend\r");
        assertThat(t.shell().authenticate("admin", "wrong")).isEmpty();
        t.clock().advance(Duration.ofSeconds(11));
        assertThat(t.shell().authenticate("admin", "wrong")).isEmpty();
        assertThat(t.shell().acceptsTransport("ssh")).isTrue();
        assertThat(t.shell().authenticate("admin", "admin")).hasValue(15);
    }

    @Test
    void withoutBlockForFailuresNeverLockTheDeviceOut() {
        CliTester t = CliTester.privileged(dir);
        for (int i = 0; i < 20; i++) {
            assertThat(t.shell().authenticate("admin", "wrong")).isEmpty();
        }
        assertThat(t.shell().authenticate("admin", "admin")).hasValue(15);
        t.type("configure terminal\rlogin block-for 100 attempts 3 within 60\rno login block-for\rend\r");
        assertThat(t.type("show running-config | include block-for\r")).doesNotContain("login block-for");
    }
}
