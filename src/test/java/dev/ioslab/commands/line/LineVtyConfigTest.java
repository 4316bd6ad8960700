package dev.ioslab.commands.line;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code line vty} sub-mode: login local, password, transport input, exec-timeout, length; rendering with one-space
 * indent and ranges split where lines differ (reference §7.1 CSR capture, §7.2).
 */
class LineVtyConfigTest {

    @TempDir
    Path dir;

    private CliTester t;

    @BeforeEach
    void open() {
        t = CliTester.privileged(dir);
        t.text("terminal length 0\rconfigure terminal\r");
    }

    private String lines() {
        String out = t.text("do show running-config | begin ^line con\r");
        return out.substring(out.indexOf("\r\n") + 2).replace("\r\n", "\n");
    }

    private void type(String... commands) {
        for (String c : commands) {
            assertThat(t.text(c + "\r")).as(c).matches("(?s)\\Q" + c + "\\E\r\nR1\\(config(-line)?\\)#");
        }
    }

    @Test
    void identicalLinesShareOneRange() {
        type("line vty 0 4", "transport input ssh", "exec-timeout 15 0");
        assertThat(lines()).startsWith("line con 0\nline aux 0\nline vty 0 4\n exec-timeout 15 0\n login local\n"
                + " transport input ssh\n!\n");
        // 10 minutes is the default and, as on IOS, not rendered.
        type("exec-timeout 10 0");
        assertThat(lines()).startsWith("line con 0\nline aux 0\nline vty 0 4\n login local\n transport input ssh\n");
    }

    @Test
    void rangesSplitWhereLinesDiffer() {
        // §7.1: "line vty 0" / "line vty 1" (with length 0) / "line vty 2 4".
        type("line vty 0 4", "transport input all", "line vty 1", "length 0");
        assertThat(lines()).startsWith("line con 0\nline aux 0\n"
                + "line vty 0\n login local\n transport input all\n"
                + "line vty 1\n login local\n length 0\n transport input all\n"
                + "line vty 2 4\n login local\n transport input all\n!\n");
    }

    @Test
    void lengthAppliesToSessionsOnThatLine() {
        // §7.1: "line vty 1 / length 0": the second session (vty 1) starts unpaged, the others keep 24 lines.
        type("line vty 1", "length 0");
        t.text("end\r");
        CliTester.Peer second = t.openPeer("admin", 15, "10.0.0.2");
        CliTester.Peer third = t.openPeer("admin", 15, "10.0.0.3");
        assertThat(second.text("show terminal | include Length\r")).contains("Length: 0 lines");
        assertThat(third.text("show terminal | include Length\r")).contains("Length: 24 lines");
    }

    @Test
    void noFormsMergeTheRangeAgain() {
        type("line vty 0", "password linepw", "exec-timeout 5 0", "transport input telnet ssh");
        assertThat(lines()).contains("line vty 0\n exec-timeout 5 0\n password linepw\n login local\n"
                + " transport input telnet ssh\nline vty 1 4\n login local\n");
        type("no password", "no exec-timeout", "no transport input");
        assertThat(lines()).contains("line vty 0 4\n login local\n!\n");
    }

    @Test
    void loginWithoutLocalUsesTheLinePassword() {
        // §1.1: "line vty … / password x / login" (password only).
        type("line vty 0 4", "password vagrant", "login");
        assertThat(lines()).contains("line vty 0 4\n password vagrant\n login\n");
        assertThat(t.shell().checkLinePassword("vagrant")).isTrue();
        assertThat(t.shell().checkLinePassword("other")).isFalse();
        type("login local");
        assertThat(lines()).contains("line vty 0 4\n password vagrant\n login local\n");
    }

    @Test
    void rejectsAnUnknownTransport() {
        t.text("line vty 0 4\r");
        assertThat(t.text("transport input carrier-pigeon\r"))
                .contains("^\r\n% Invalid input detected at '^' marker.").endsWith("R1(config-line)#");
    }
}
