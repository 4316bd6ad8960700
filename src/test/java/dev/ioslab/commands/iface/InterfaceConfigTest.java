package dev.ioslab.commands.iface;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code interface GigabitEthernet0/0..2}: ip address, description, shutdown and their {@code no} forms. */
class InterfaceConfigTest {

    @TempDir
    Path dir;

    private CliTester t;

    @BeforeEach
    void open() {
        t = CliTester.privileged(dir);
        t.text("terminal length 0\rconfigure terminal\r");
    }

    private String section(String name) {
        String out = t.text("do show running-config | section ^interface " + name + "\r");
        return out.substring(out.indexOf("\r\n") + 2).replace("\r\n", "\n");
    }

    @Test
    void rendersDescriptionAddressAndState() {
        assertThat(t.text("interface GigabitEthernet0/1\r")).endsWith("R1(config-if)#");
        t.text("description uplink to core\rip address 10.0.0.1 255.255.255.0\rno shutdown\r");
        assertThat(section("GigabitEthernet0/1")).isEqualTo("interface GigabitEthernet0/1\n"
                + " description uplink to core\n ip address 10.0.0.1 255.255.255.0\n duplex auto\n speed auto\n"
                + "R1(config-if)#");
    }

    @Test
    void noFormsRestoreTheDefaults() {
        t.text("interface Gi0/2\rdescription x\rip address 192.168.1.1 255.255.255.0\rno shutdown\r");
        t.text("no description\rno ip address\rshutdown\r");
        assertThat(section("GigabitEthernet0/2")).isEqualTo("interface GigabitEthernet0/2\n"
                + " no ip address\n shutdown\n duplex auto\n speed auto\nR1(config-if)#");
    }

    @Test
    void acceptsAbbreviatedInterfaceNames() {
        assertThat(t.text("int gi0/0\r")).isEqualTo("int gi0/0\r\nR1(config-if)#");
        assertThat(t.text("interface g0/1\r")).isEqualTo("interface g0/1\r\nR1(config-if)#");
    }

    @Test
    void rejectsABadMask() {
        // Ansible's stderr regexes include "Bad mask" (automation-clients §3.2).
        t.text("interface Gi0/0\r");
        assertThat(t.text("ip address 10.0.0.1 255.0.255.0\r")).isEqualTo("ip address 10.0.0.1 255.0.255.0\r\n"
                + "Bad mask 0xFF00FF00 for address 10.0.0.1\r\nR1(config-if)#");
        assertThat(section("GigabitEthernet0/0")).contains(" no ip address\n");
    }

    @Test
    void rejectsAnInterfaceThePlatformDoesNotHave() {
        String out = t.text("interface GigabitEthernet0/9\r");
        assertThat(out).contains("% Invalid input detected at '^' marker.").endsWith("R1(config)#");
    }

    @Test
    void rejectsAMalformedAddressWithTheCaret() {
        t.text("interface Gi0/0\r");
        assertThat(t.text("ip address 10.0.0.300 255.255.255.0\r")).isEqualTo("ip address 10.0.0.300 255.255.255.0\r\n"
                + " ".repeat("R1(config-if)#".length() + "ip address ".length())
                + "^\r\n% Invalid input detected at '^' marker.\r\n\r\nR1(config-if)#");
    }
}
