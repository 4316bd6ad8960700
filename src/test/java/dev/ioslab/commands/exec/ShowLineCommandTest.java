package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code show line}, {@code show ssh} and {@code clear line vty N} on a device with sessions on vty 0 and 1. */
class ShowLineCommandTest {

    @TempDir
    Path dir;

    @Test
    void showLineMarksBusyVtysAndCountsTheirUses() {
        CliTester t = CliTester.privileged(dir);
        CliTester.Peer bob = t.openPeer("bob", 1, "10.1.1.7");
        bob.disconnect();
        t.openPeer("carol", 1, "10.1.1.8");
        assertThat(t.text("show line\r")).isEqualTo("show line\r\n"
                + "   Tty Typ     Tx/Rx    A Modem  Roty AccO AccI   Uses   Noise  Overruns   Int\r\n"
                + "      0 CTY              -    -      -    -    -      0       0     0/0       -\r\n"
                + "      1 AUX   9600/9600  -    -      -    -    -      0       0     0/0       -\r\n"
                + "*     2 VTY              -    -      -    -    -      1       0     0/0       -\r\n"
                + "*     3 VTY              -    -      -    -    -      2       0     0/0       -\r\n"
                + "      4 VTY              -    -      -    -    -      0       0     0/0       -\r\n"
                + "      5 VTY              -    -      -    -    -      0       0     0/0       -\r\n"
                + "      6 VTY              -    -      -    -    -      0       0     0/0       -\r\n"
                + "R1#");
    }

    @Test
    void configuringVty5To15AddsTheirRows() {
        CliTester t = CliTester.privileged(dir);
        t.text("configure terminal\rline vty 5 15\rend\r");
        String out = t.text("show line\r");
        assertThat(out).contains("     17 VTY").doesNotContain("     18 VTY");
    }

    @Test
    void clearLineDropsThePeerAfterConfirmation() {
        CliTester t = CliTester.privileged(dir);
        CliTester.Peer bob = t.openPeer("bob", 1, "10.1.1.7");
        assertThat(t.text("clear line vty 1\r")).endsWith("[confirm]");
        assertThat(t.text("\r")).contains(" [OK]").endsWith("R1#");
        assertThat(bob.isClosed()).isTrue();
        assertThat(t.text("show users\r")).doesNotContain("bob");
    }

    @Test
    void clearLineOfALineThatDoesNotExistIsRefused() {
        CliTester t = CliTester.privileged(dir);
        assertThat(t.text("clear line vty 9\r")).contains("% Invalid line number");
    }

    @Test
    void showSshWithoutSshConnectionsSaysNoneRun() {
        CliTester t = CliTester.privileged(dir);
        assertThat(t.text("show ssh\r")).isEqualTo("show ssh\r\n"
                + "%No SSHv2 server connections running.\r\n"
                + "%No SSHv1 server connections running.\r\n"
                + "R1#");
    }
}
