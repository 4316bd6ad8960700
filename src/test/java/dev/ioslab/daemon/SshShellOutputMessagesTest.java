package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.SshShell;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command typed in an SSH shell is answered in whole units: its echo, its output and the next prompt reach the
 * client in one SSH_MSG_CHANNEL_DATA, each packet being one encryption, one TCP segment and one client wake-up.
 * Counted on the client side, where MINA writes each data message it receives in one call.
 */
@Timeout(120)
class SshShellOutputMessagesTest {

    @TempDir
    Path dir;

    @Test
    void echoOutputAndPromptOfACommandArriveInOneDataMessage() throws Exception {
        try (RackFixture rack = new RackFixture(dir, 1);
             SshShell shell = SshShell.open(new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh")), "admin",
                     "admin")) {
            shell.await("r1#");
            assertThat(answer(shell, "show clock\r", "UTC")).isEqualTo(1);
            assertThat(answer(shell, "\r", "")).isEqualTo(1);
            assertThat(answer(shell, "terminal length 0\r", "")).isEqualTo(1);
            assertThat(answer(shell, "show version\r", "Configuration register")).isEqualTo(1);
            assertThat(answer(shell, "show nothing-such\r", "% Invalid input")).isEqualTo(1);
        }
    }

    @Test
    void aPagedScreenAndItsMorePromptArriveInOneDataMessage() throws Exception {
        try (RackFixture rack = new RackFixture(dir, 1);
             SshShell shell = SshShell.open(new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh")), "admin",
                     "admin")) {
            shell.await("r1#");
            shell.take();
            int before = shell.dataMessages();
            shell.type("show version\r");
            assertThat(shell.await(" --More-- ")).startsWith("show version\r\n");
            assertThat(shell.dataMessages() - before).isEqualTo(1);
        }
    }

    /** Types {@code line}, waits for {@code expected} and the next prompt; returns the data messages that took. */
    private static int answer(SshShell shell, String line, String expected) throws Exception {
        shell.take();
        int before = shell.dataMessages();
        shell.type(line);
        String text = shell.await("\r\nr1#");
        assertThat(text).contains(expected);
        return shell.dataMessages() - before;
    }
}
