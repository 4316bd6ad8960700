package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ioslab.testing.CliTester;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real ntc-templates (vendored in src/test/resources/ntc-templates, snapshot d0bc5a48) with Debian's python3-textfsm over our
 * command output, as Netmiko's {@code use_textfsm=True} does, and checks the fields a real router's output gives
 * (reference §3.4 table).
 */
class NtcTemplatesTest {

    private static final Path TEMPLATES = TextFsm.TEMPLATES;
    private static final String PYTHON = "/usr/bin/python3";
    /** Prints one line per record, fields separated by US (0x1f), list values joined by RS (0x1e). */
    private static final String PARSER = String.join("\n",
            "import sys, textfsm",
            "with open(sys.argv[1]) as f:",
            "    fsm = textfsm.TextFSM(f)",
            "with open(sys.argv[2]) as f:",
            "    rows = fsm.ParseText(f.read())",
            "print('\\x1f'.join(fsm.header))",
            "for r in rows:",
            "    print('\\x1f'.join('\\x1e'.join(v) if isinstance(v, list) else v for v in r))",
            "");

    @TempDir
    Path dir;

    @TempDir
    Path work;

    private CliTester t;

    @BeforeAll
    static void needsTextFsm() throws Exception {
        boolean present = Files.isExecutable(Path.of(PYTHON));
        if (present) {
            Process p = new ProcessBuilder(PYTHON, "-c", "import textfsm").redirectErrorStream(true).start();
            present = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        assumeTrue(present, "Debian's python3-textfsm is not installed");
        assertThat(TEMPLATES.resolve("cisco_ios_show_version.textfsm")).isRegularFile();
    }

    @BeforeEach
    void open() {
        t = CliTester.privileged(dir);
        t.text("terminal length 0\r");
    }

    @Test
    void showVersion() throws Exception {
        t.clock().advance(Duration.ofDays(2).plusHours(3).plusMinutes(4));
        t.text("conf t\rconfig-register 0x2142\rend\r");
        List<Map<String, String>> rows = parse("cisco_ios_show_version.textfsm", "show version");
        assertThat(rows).hasSize(1);
        Map<String, String> r = rows.get(0);
        assertThat(r).containsEntry("SOFTWARE_IMAGE", "C3900-UNIVERSALK9-M")
                .containsEntry("VERSION", "15.7(3)M8")
                .containsEntry("RELEASE", "fc4")
                .containsEntry("ROMMON", "System")
                .containsEntry("HOSTNAME", "R1")
                .containsEntry("UPTIME", "2 days, 3 hours, 4 minutes")
                .containsEntry("UPTIME_DAYS", "2")
                .containsEntry("UPTIME_HOURS", "3")
                .containsEntry("UPTIME_MINUTES", "4")
                .containsEntry("RUNNING_IMAGE", "c3900-universalk9-mz.SPA.157-3.M8.bin")
                .containsEntry("HARDWARE", "CISCO3945-CHASSIS")
                .containsEntry("SERIAL", "FGL161010K8")
                .containsEntry("CONFIG_REGISTER", "0x2102")
                .containsEntry("RESTARTED", "10:00:00 UTC Fri Nov 27 2026");
        assertThat(r.get("RELOAD_REASON")).isNotEmpty();
    }

    @Test
    void showClock() throws Exception {
        t.clock().advance(Duration.ofMillis(3_723_456));
        List<Map<String, String>> rows = parse("cisco_ios_show_clock.textfsm", "show clock");
        assertThat(rows).containsExactly(Map.of("TIME", "11:02:03.456", "TIMEZONE", "UTC", "DAYWEEK", "Fri",
                "MONTH", "Nov", "DAY", "27", "YEAR", "2026"));
    }

    @Test
    void showUsers() throws Exception {
        // The template ends in "^. -> Error": any unexpected line fails the parse.
        t.openPeer("bob", 1, "10.1.1.7");
        List<Map<String, String>> rows = parse("cisco_ios_show_users.textfsm", "show users");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("LINE", "*   2 vty 0").containsEntry("USER", "admin")
                .containsEntry("HOSTS", "idle").containsEntry("IDLE", "00:00:00")
                .containsEntry("LOCATION", "127.0.0.1");
        assertThat(rows.get(1)).containsEntry("LINE", "3 vty 1").containsEntry("USER", "bob")
                .containsEntry("LOCATION", "10.1.1.7");
    }

    @Test
    void showInventory() throws Exception {
        List<Map<String, String>> rows = parse("cisco_ios_show_inventory.textfsm", "show inventory");
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0)).containsEntry("NAME", "CISCO3945-CHASSIS").containsEntry("PID", "CISCO3945-CHASSIS")
                .containsEntry("SN", "FGL161010K8");
        assertThat(rows.get(0).get("DESCR")).startsWith("CISCO3945-CHASSIS chassis");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("PID")).isNotBlank().doesNotEndWith(" "));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("SN")).isNotBlank());
    }

    @Test
    void showIpInterfaceBrief() throws Exception {
        t.text("conf t\rinterface Gi0/1\rip address 10.0.0.1 255.255.255.0\rno shutdown\rend\r");
        List<Map<String, String>> rows = parse("cisco_ios_show_ip_interface_brief.textfsm", "show ip interface brief");
        assertThat(rows).containsExactly(
                Map.of("INTERFACE", "GigabitEthernet0/0", "IP_ADDRESS", "unassigned", "STATUS",
                        "administratively down", "PROTO", "down"),
                Map.of("INTERFACE", "GigabitEthernet0/1", "IP_ADDRESS", "10.0.0.1", "STATUS", "up", "PROTO", "up"),
                Map.of("INTERFACE", "GigabitEthernet0/2", "IP_ADDRESS", "unassigned", "STATUS",
                        "administratively down", "PROTO", "down"));
    }

    @Test
    void showInterfaces() throws Exception {
        t.text("conf t\rinterface Gi0/1\rdescription uplink to core\rip address 10.0.0.1 255.255.255.0\r"
                + "no shutdown\rend\r");
        List<Map<String, String>> rows = parse("cisco_ios_show_interfaces.textfsm", "show interfaces");
        assertThat(rows).extracting(r -> r.get("INTERFACE"))
                .containsExactly("GigabitEthernet0/0", "GigabitEthernet0/1", "GigabitEthernet0/2");
        Map<String, String> up = rows.get(1);
        assertThat(up).containsEntry("LINK_STATUS", "up").containsEntry("PROTOCOL_STATUS", "up")
                .containsEntry("DESCRIPTION", "uplink to core").containsEntry("IP_ADDRESS", "10.0.0.1")
                .containsEntry("PREFIX_LENGTH", "24").containsEntry("MTU", "1500")
                .containsEntry("BANDWIDTH", "1000000 Kbit").containsEntry("ENCAPSULATION", "ARPA")
                .containsEntry("MEDIA_TYPE", "RJ45");
        assertThat(up.get("MAC_ADDRESS")).matches("[0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}");
        assertThat(up.get("HARDWARE_TYPE")).isNotBlank();
        assertThat(rows.get(0)).containsEntry("LINK_STATUS", "administratively down")
                .containsEntry("PROTOCOL_STATUS", "down");
    }

    /** Runs {@code command}, strips the echo and the prompt as Netmiko does, and parses it with the template. */
    private List<Map<String, String>> parse(String template, String command) throws IOException, InterruptedException {
        String out = t.text(command + "\r");
        assertThat(out).startsWith(command + "\r\n").endsWith("\r\nR1#");
        String body = out.substring(command.length() + 2, out.length() - "R1#".length()).replace("\r\n", "\n");
        Path input = work.resolve("output.txt");
        Files.writeString(input, body, StandardCharsets.UTF_8);
        Path script = work.resolve("parse.py");
        Files.writeString(script, PARSER, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(PYTHON, script.toString(), TEMPLATES.resolve(template).toString(),
                input.toString()).redirectErrorStream(true).start();
        String result = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("textfsm failed:\n%s\non:\n%s", result, body).isZero();
        String[] lines = result.split("\n");
        String[] header = lines[0].split("\u001f", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] values = lines[i].split("\u001f", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                if (!values[c].isEmpty()) {
                    row.put(header[c], values[c].replace('\u001e', ','));
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
