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

    @Test
    void showLineVtyOfAFreeLineShowsItsSettings() {
        CliTester t = CliTester.privileged(dir);
        t.text("terminal length 0\rconfigure terminal\rline vty 3\rexec-timeout 0 0\rtransport input ssh\rend\r");
        assertThat(t.text("show line vty 3\r")).isEqualTo("show line vty 3\r\n"
                + "   Tty Typ     Tx/Rx    A Modem  Roty AccO AccI   Uses   Noise  Overruns   Int\r\n"
                + "      5 VTY              -    -      -    -    -      0       0     0/0       -\r\n"
                + "\r\n"
                + "Line 5, Location: \"\", Type: \"\"\r\n"
                + "Length: 24 lines, Width: 80 columns\r\n"
                + "Baud rate (TX/RX) is 9600/9600\r\n"
                + "Status: No Exit Banner\r\n"
                + "Capabilities: none\r\n"
                + "Modem state: Idle\r\n"
                + "Special Chars: Escape  Hold  Stop  Start  Disconnect  Activation\r\n"
                + "                ^^x    none   -     -       none\r\n"
                + "Timeouts:      Idle EXEC    Idle Session   Modem Answer  Session   Dispatch\r\n"
                + "               never           never                        none     not set\r\n"
                + "                            Idle Session Disconnect Warning\r\n"
                + "                              never\r\n"
                + "                            Login-sequence User Response\r\n"
                + "                             00:00:30\r\n"
                + "                            Autoselect Initial Wait\r\n"
                + "                              not set\r\n"
                + "Modem type is unknown.\r\n"
                + "Session limit is not set.\r\n"
                + "Time since activation: never\r\n"
                + "Editing is enabled.\r\n"
                + "History is enabled, history size is 10.\r\n"
                + "DNS resolution in show commands is enabled\r\n"
                + "Full user help is disabled\r\n"
                + "Allowed input transports are ssh.\r\n"
                + "Allowed output transports are telnet ssh.\r\n"
                + "Preferred transport is telnet.\r\n"
                + "No output characters are padded\r\n"
                + "No special data dispatching characters\r\n"
                + "R1#");
    }

    @Test
    void showLineVtyOfABusyLineNamesItsUserAndActivation() {
        CliTester t = CliTester.privileged(dir);
        t.openPeer("bob", 1, "10.1.1.7");
        t.text("terminal length 0\r");
        t.clock().advance(java.time.Duration.ofSeconds(65));
        String out = t.text("show line vty 1\r");
        assertThat(out).contains("*     3 VTY              -    -      -    -    -      1")
                .contains("Line 3, Location: \"10.1.1.7\", Type: \"\"\r\nUser: bob\r\n")
                .contains("Status: Ready, Active, No Exit Banner\r\n")
                .contains("               00:10:00        never                        none     not set\r\n")
                .contains("Time since activation: 00:01:05\r\n")
                .contains("Allowed input transports are telnet ssh.\r\n");
    }
}
