package dev.ioslab.commands.line;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.cli.CliSession;
import dev.ioslab.cli.SessionInfo;
import dev.ioslab.commands.CommandSets;
import dev.ioslab.device.Device;
import dev.ioslab.testing.CliTester;
import dev.ioslab.testing.FakeTerminal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code privilege level N} under a line: the privilege a session on that line starts with. */
class PrivilegeLevelTest {

    @TempDir
    Path dir;

    @Test
    void isShownUnderTheLineInIosOrderAndRemovedWithNo() {
        CliTester t = CliTester.privileged(dir);
        t.text("configure terminal\rline vty 0 4\rexec-timeout 0 0\rprivilege level 15\rend\r");
        assertThat(t.text("show running-config | section line vty\r"))
                .contains("line vty 0 4\r\n exec-timeout 0 0\r\n privilege level 15\r\n");
        t.text("configure terminal\rline vty 0 4\rno privilege level\rend\r");
        assertThat(t.text("show running-config | section line vty\r")).doesNotContain("privilege level");
    }

    @Test
    void aUserWithoutAPrivilegeOfTheirOwnStartsAtTheLinesLevel() {
        CliTester t = CliTester.privileged(dir);
        t.text("configure terminal\rline vty 0 15\rprivilege level 15\rend\r");
        Device device = t.device();

        assertThat(startedAt(device, t, 1)).as("a login that gave level 1").isEqualTo(15);
        assertThat(startedAt(device, t, 5)).as("a user's own level wins").isEqualTo(5);
    }

    @Test
    void withoutTheCommandALoginKeepsItsOwnLevel() {
        CliTester t = CliTester.privileged(dir);
        assertThat(startedAt(t.device(), t, 1)).isEqualTo(1);
    }

    private static int startedAt(Device device, CliTester t, int loginPrivilege) {
        CliSession session = new CliSession(device, CommandSets.standard(Runnable::run),
                new SessionInfo("bob", loginPrivilege, "ssh", null, "", 80, 24), new FakeTerminal());
        session.start();
        try {
            return session.privilege();
        } finally {
            session.disconnected();
        }
    }
}
