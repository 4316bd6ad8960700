package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.cli.DeviceShell;
import dev.ioslab.commands.CommandSets;
import dev.ioslab.device.Device;
import dev.ioslab.device.Platform;
import dev.ioslab.testing.CliTester;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transcripts of the everyday exec commands, compared with reference/ios-cli.md §3 (show version), §5.10 (saving
 * configuration), §6.3 (config register) and the shapes the automation clients parse.
 */
class ExecCommandsTest {

    @TempDir
    Path dir;

    @TempDir
    Path otherDir;

    private static CliTester quiet(Path dir) {
        CliTester t = CliTester.privileged(dir);
        t.text("terminal length 0\r");
        return t;
    }

    @Test
    void showVersionHasTheIsrG2Layout() {
        // §3.1 (3945 capture) and the shapes §3.4 says the parsers need.
        CliTester t = quiet(dir);
        String out = t.text("show version\r");
        assertThat(out).startsWith("show version\r\n"
                + "Cisco IOS Software, C3900 Software (C3900-UNIVERSALK9-M), Version 15.7(3)M8, "
                + "RELEASE SOFTWARE (fc4)\r\n"
                + "Technical Support: http://www.cisco.com/techsupport\r\n")
                .contains("\r\n\r\nROM: System Bootstrap, Version ")
                .contains("\r\nR1 uptime is 0 minutes\r\n")
                .contains("\r\nSystem image file is \"flash0:c3900-universalk9-mz.SPA.157-3.M8.bin\"\r\n")
                .contains("\r\nCisco CISCO3945-CHASSIS (revision 1.1) with C3900-SPE150/K9 with ")
                .contains("\r\nProcessor board ID FGL161010K8\r\n")
                .contains("\r\nLicense UDI:\r\n")
                .endsWith("\r\nConfiguration register is 0x2102\r\nR1#");
    }

    @Test
    void showVersionCountsRealUptime() {
        CliTester t = quiet(dir);
        t.clock().advance(Duration.ofHours(1).plusMinutes(20).plusSeconds(59));
        assertThat(t.text("show version | include uptime\r")).contains("\r\nR1 uptime is 1 hour, 20 minutes\r\n");
        t.clock().advance(Duration.ofDays(16).plusHours(17).plusMinutes(3));
        assertThat(t.text("show version | include uptime\r"))
                .contains("\r\nR1 uptime is 2 weeks, 2 days, 18 hours, 23 minutes\r\n");
    }

    @Test
    void showVersionAnnouncesThePendingConfigRegister() {
        // §6.3: "Configuration register is 0x2102 (will be 0x2142 at next reload)".
        CliTester t = quiet(dir);
        t.text("conf t\rconfig-register 0x2142\rend\r");
        assertThat(t.text("show version | include register\r"))
                .isEqualTo("show version | include register\r\n"
                        + "Configuration register is 0x2102 (will be 0x2142 at next reload)\r\nR1#");
        t.text("conf t\rconfig-register 0x2102\rend\r");
        assertThat(t.text("show version | include register\r"))
                .isEqualTo("show version | include register\r\nConfiguration register is 0x2102\r\nR1#");
    }

    @Test
    void showRunningConfigHasHeaderAndEnd() {
        // §5.10: "Building configuration...", blank, "Current configuration : <n> bytes", "!" ... "end".
        CliTester t = quiet(dir);
        String out = t.text("show running-config\r");
        Matcher m = Pattern.compile("^show running-config\r\nBuilding configuration\\.\\.\\.\r\n\r\n"
                + "Current configuration : (\\d+) bytes\r\n(!\r\n.*\r\nend\r\n)\r\nR1#$", Pattern.DOTALL).matcher(out);
        assertThat(m.matches()).as(out).isTrue();
        String body = m.group(2).replace("\r\n", "\n");
        // The size counts the configuration text; whether IOS counts the first "!" is not recorded (§5.10).
        assertThat(Integer.parseInt(m.group(1))).isBetween(body.length() - 2, body.length());
        assertThat(body).contains("\nhostname R1\n!\nboot-start-marker\nboot-end-marker\n")
                .contains("\nline vty 0 4\n login local\n");
    }

    @Test
    void writeMemorySavesWhatShowStartupConfigThenShows() {
        // §5.10: write memory / write / wr / copy run start all print Building configuration... [OK].
        CliTester t = quiet(dir);
        assertThat(t.text("show startup-config\r"))
                .isEqualTo("show startup-config\r\nstartup-config is not present\r\nR1#");
        assertThat(t.text("write memory\r")).isEqualTo("write memory\r\nBuilding configuration...\r\n[OK]\r\nR1#");
        assertThat(t.text("write\r")).isEqualTo("write\r\nBuilding configuration...\r\n[OK]\r\nR1#");
        assertThat(t.text("wr\r")).isEqualTo("wr\r\nBuilding configuration...\r\n[OK]\r\nR1#");
        t.text("conf t\rhostname Saved\rend\r");
        assertThat(t.text("copy running-config startup-config\r"))
                .isEqualTo("copy running-config startup-config\r\nDestination filename [startup-config]? ");
        assertThat(t.text("\r")).isEqualTo("\r\nBuilding configuration...\r\n[OK]\r\nSaved#");
        String startup = t.text("show startup-config\r");
        assertThat(startup).startsWith("show startup-config\r\nUsing ").contains(" out of 262136 bytes\r\n")
                .contains("\r\nhostname Saved\r\n").endsWith("end\r\n\r\nSaved#");
        assertThat(t.device().startupConfig().read()).hasValueSatisfying(s -> assertThat(s).contains("hostname Saved"));
    }

    @Test
    void copyRunStartAcceptsTheDefaultNameTypedOut() {
        CliTester t = quiet(dir);
        assertThat(t.text("copy run start\rstartup-config\r")).isEqualTo("copy run start\r\n"
                + "Destination filename [startup-config]? startup-config\r\nBuilding configuration...\r\n[OK]\r\nR1#");
    }

    @Test
    void savedConfigurationReplaysIntoAFreshDeviceUnchanged() throws IOException {
        CliTester t = quiet(dir);
        t.text("conf t\rhostname Keep\rservice password-encryption\rip domain name lab.example\r"
                + "ip host srv 10.0.0.9\rip name-server 10.0.0.53\rno ip domain lookup\r"
                + "username bob privilege 15 password bobpw\rusername carol secret carolpw\renable password ep\r"
                + "banner motd #\rWelcome\rto the lab#\rline vty 0\rtransport input ssh\rexec-timeout 5 0\r"
                + "password linepw\rline vty 1\rlength 0\rinterface Gi0/1\rdescription uplink\r"
                + "ip address 10.0.0.1 255.255.255.0\rno shutdown\rboot system flash0:a.bin\r"
                + "boot system flash b.bin\rconfig-register 0x2142\rfile prompt quiet\rip ftp username u\r"
                + "ip ftp password p\rno ip ftp passive\rip ftp source-interface Gi0/1\rip tftp blocksize 8192\r"
                + "ip tftp source-interface Gi0/1\rip scp server enable\rlogging buffered 8192\r"
                + "logging host 10.0.0.5\rend\r");
        assertThat(t.text("write memory\r")).contains("[OK]");
        String saved = t.device().startupConfig().read().orElseThrow();

        Device fresh = new Device("R1", Platform.c3900("FGL161010K8"), otherDir, Clock.fixed(CliTester.EPOCH,
                java.time.ZoneOffset.UTC));
        DeviceShell shell = new DeviceShell(fresh, CommandSets.standard(Runnable::run));
        // Boot replays nvram:startup-config through the parser: no line may be refused (issue 2).
        assertThat(shell.bootFromStartupConfig(saved)).isEmpty();
        List<String> before = t.device().renderRunningConfig();
        assertThat(fresh.renderRunningConfig()).containsExactlyElementsOf(before);
        assertThat(shell.authenticate("carol", "carolpw")).hasValue(1);
        assertThat(shell.authenticate("bob", "bobpw")).hasValue(15);
    }

    @Test
    void savedConfigurationReplaysWithoutComplaintThroughPlainReplay() throws IOException {
        CliTester t = quiet(dir);
        t.text("conf t\rbanner motd #\rline one\rline two#\rusername u secret s\rend\rwrite memory\r");
        Device fresh = new Device("R1", Platform.c3900("FGL161010K8"), otherDir, Clock.systemUTC());
        DeviceShell shell = new DeviceShell(fresh, CommandSets.standard(Runnable::run));
        assertThat(shell.replayConfig(t.device().startupConfig().read().orElseThrow())).isEmpty();
        assertThat(fresh.config().bannerMotd()).isEqualTo(t.device().config().bannerMotd())
                .contains("line one\nline two");
    }

    @Test
    void eraseStartupConfigAsksForConfirmation() {
        CliTester t = quiet(dir);
        t.text("write memory\r");
        assertThat(t.text("erase startup-config\r")).isEqualTo("erase startup-config\r\n"
                + "Erasing the nvram filesystem will remove all configuration files! Continue? [confirm]");
        assertThat(t.text("n")).startsWith("n").endsWith("R1#");
        assertThat(t.device().startupConfig().read()).isPresent();
        t.text("erase startup-config\r");
        assertThat(t.text("\r")).isEqualTo("\r\n[OK]\r\nErase of nvram: complete\r\nR1#");
        assertThat(t.device().startupConfig().read()).isEmpty();
        assertThat(t.text("show startup-config\r"))
                .isEqualTo("show startup-config\r\nstartup-config is not present\r\nR1#");
    }

    @Test
    void eraseConfirmedWithYPrintsOkOnTheSameLine() {
        // §4.6 RAW (Cisco 1941): "... Continue? [confirm]y[OK]" then "Erase of nvram: complete".
        CliTester t = quiet(dir);
        t.text("write memory\r");
        assertThat(t.text("erase startup-config\ry")).isEqualTo("erase startup-config\r\n"
                + "Erasing the nvram filesystem will remove all configuration files! Continue? [confirm]y[OK]\r\n"
                + "Erase of nvram: complete\r\nR1#");
        assertThat(t.device().startupConfig().read()).isEmpty();
    }

    @Test
    void writeEraseIsEraseStartupConfig() {
        // §4.6: "erase startup-config / write erase".
        CliTester t = quiet(dir);
        t.text("write memory\r");
        assertThat(t.text("write erase\ry")).isEqualTo("write erase\r\n"
                + "Erasing the nvram filesystem will remove all configuration files! Continue? [confirm]y[OK]\r\n"
                + "Erase of nvram: complete\r\nR1#");
        assertThat(t.device().startupConfig().read()).isEmpty();
    }

    @Test
    void showClockPrintsTheDeviceTimeUnsynchronised() {
        CliTester t = quiet(dir);
        assertThat(t.text("show clock\r")).isEqualTo("show clock\r\n*10:00:00.000 UTC Fri Nov 27 2026\r\nR1#");
        t.clock().advance(Duration.ofHours(1).plusMinutes(2).plusMillis(3456));
        assertThat(t.text("show clock\r")).isEqualTo("show clock\r\n*11:02:03.456 UTC Fri Nov 27 2026\r\nR1#");
    }

    @Test
    void showUsersListsEverySessionAndMarksOurs() {
        CliTester t = quiet(dir);
        CliTester.Peer other = t.openPeer("bob", 1, "10.1.1.7");
        t.clock().advance(Duration.ofMinutes(3).plusSeconds(4));
        String out = t.text("show users\r");
        assertThat(out).isEqualTo("show users\r\n"
                + "    Line       User       Host(s)              Idle       Location\r\n"
                + "*   2 vty 0     admin      idle                 00:00:00 127.0.0.1\r\n"
                + "    3 vty 1     bob        idle                 00:03:04 10.1.1.7\r\n"
                + "\r\n"
                + "  Interface    User               Mode         Idle     Peer Address\r\n"
                + "\r\nR1#");
        assertThat(other.text("show users\r")).contains("\r\n    2 vty 0     admin")
                .contains("\r\n*   3 vty 1     bob");
        other.disconnect();
        assertThat(t.text("show users\r")).doesNotContain("bob");
    }

    @Test
    void showHistoryListsThisSessionsCommands() {
        CliTester t = CliTester.privileged(dir);
        t.text("show clock\rsh priv\r");
        assertThat(t.text("show history\r"))
                .isEqualTo("show history\r\n  show clock\r\n  sh priv\r\n  show history\r\nR1#");
    }

    @Test
    void showPrivilegeEndsWithTheLevel() {
        // Ansible: re.search(r"Current privilege level is (\d+)$", ...) on the last line (§1.4).
        assertThat(CliTester.privileged(dir).text("show privilege\r"))
                .isEqualTo("show privilege\r\nCurrent privilege level is 15\r\nR1#");
        assertThat(CliTester.user(otherDir).text("show privilege\r"))
                .isEqualTo("show privilege\r\nCurrent privilege level is 1\r\nR1>");
    }

    @Test
    void showMemoryStatisticsHasAProcessorLine() {
        // automation-clients §3.4: Processor\s+(\S+|\d+)\s+(?P<total>\d+)\s+\d+\s+(?P<free>\d+)
        String out = quiet(dir).text("show memory statistics\r");
        Matcher m = Pattern.compile("Processor\\s+(\\S+|\\d+)\\s+(?<total>\\d+)\\s+\\d+\\s+(?<free>\\d+)").matcher(out);
        assertThat(m.find()).isTrue();
        assertThat(Long.parseLong(m.group("free"))).isPositive().isLessThan(Long.parseLong(m.group("total")));
        assertThat(out).doesNotContain("Invalid input");
    }

    @Test
    void showInventoryNamesChassisAndSerial() {
        String out = quiet(dir).text("show inventory\r");
        assertThat(out).contains("NAME: \"CISCO3945-CHASSIS\", DESCR: \"CISCO3945-CHASSIS chassis")
                .contains("\r\nPID: CISCO3945-CHASSIS , VID: V05 , SN: FGL161010K8\r\n").endsWith("\r\nR1#");
    }

    @Test
    void showIpInterfaceBriefFollowsConfiguration() {
        CliTester t = quiet(dir);
        t.text("conf t\rinterface Gi0/1\rip address 10.0.0.1 255.255.255.0\rno shutdown\rend\r");
        assertThat(t.text("show ip interface brief\r")).isEqualTo("show ip interface brief\r\n"
                + "Interface                  IP-Address      OK? Method Status                Protocol\r\n"
                + "GigabitEthernet0/0         unassigned      YES unset  administratively down down\r\n"
                + "GigabitEthernet0/1         10.0.0.1        YES manual up                    up\r\n"
                + "GigabitEthernet0/2         unassigned      YES unset  administratively down down\r\nR1#");
    }

    @Test
    void listsPhysicalPortsBeforeLoopbacks() {
        // IOS lists interfaces in hardware order, virtual ones after; running-config puts Loopback0 first.
        CliTester t = quiet(dir);
        t.text("conf t\rinterface Loopback0\rip address 1.1.1.1 255.255.255.255\rend\r");
        String brief = t.text("show ip interface brief\r");
        assertThat(brief.indexOf("GigabitEthernet0/2")).isLessThan(brief.indexOf("Loopback0"));
        assertThat(brief)
                .contains("\r\nLoopback0                  1.1.1.1         YES manual up                    up\r\n");
        String all = t.text("show interfaces\r");
        assertThat(all.indexOf("GigabitEthernet0/2 is")).isLessThan(all.indexOf("Loopback0 is"));
        assertThat(all).contains("Loopback0 is up, line protocol is up");
        String config = t.text("show running-config\r");
        assertThat(config.indexOf("interface Loopback0")).isLessThan(config.indexOf("interface GigabitEthernet0/0"));
    }

    @Test
    void showInterfacesShowsStateDescriptionAndAddress() {
        CliTester t = quiet(dir);
        t.text("conf t\rinterface Gi0/1\rdescription uplink to core\rip address 10.0.0.1 255.255.255.0\r"
                + "no shutdown\rend\r");
        String out = t.text("show interfaces GigabitEthernet0/1\r");
        assertThat(out)
                .startsWith("show interfaces GigabitEthernet0/1\r\nGigabitEthernet0/1 is up, line protocol is up")
                .contains("\r\n  Description: uplink to core\r\n")
                .contains("\r\n  Internet address is 10.0.0.1/24\r\n")
                .contains("\r\n  MTU 1500 bytes, BW 1000000 Kbit/sec");
        String all = t.text("show interfaces\r");
        assertThat(all).contains("GigabitEthernet0/0 is administratively down, line protocol is down")
                .contains("GigabitEthernet0/2 is administratively down, line protocol is down");
    }

    @Test
    void showTerminalReportsSessionSettings() {
        CliTester t = CliTester.privileged(dir);
        t.text("terminal length 30\rterminal width 100\r");
        String out = t.text("show terminal\r");
        assertThat(out).contains("Length: 30 lines, Width: 100 columns\r\n").contains("Monitor is off.")
                .contains("Transport protocol in use: ssh");
    }

    @Test
    void showWithoutSubcommandIsIncomplete() {
        assertThat(CliTester.privileged(dir).text("show\r")).isEqualTo("show\r\n% Incomplete command.\r\n\r\nR1#");
    }
}
