package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regular expressions Netmiko, Ansible {@code cisco.ios} and scrapli apply to a device (reference/
 * automation-clients.md, quoted verbatim, Python syntax turned into Java where needed) run against our output.
 */
class AutomationClientsTest {

    // automation-clients §3.2 (cisco.ios plugins/terminal/ios.py)
    private static final Pattern ANSIBLE_STDOUT =
            Pattern.compile("[\\r\\n]?[\\w\\+\\-\\.:\\/\\[\\]]+(?:\\([^\\)]+\\)){0,3}(?:[>#]) ?$");
    private static final List<Pattern> ANSIBLE_STDERR = List.of(
            Pattern.compile("% ?Error"),
            Pattern.compile("ERROR:", Pattern.CASE_INSENSITIVE),
            Pattern.compile("% ?Bad secret"),
            Pattern.compile("[\\r\\n%] Bad passwords"),
            Pattern.compile("invalid input", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?:incomplete|ambiguous) command", Pattern.CASE_INSENSITIVE),
            Pattern.compile("connection timed out", Pattern.CASE_INSENSITIVE),
            Pattern.compile("[^\\r\\n]+ not found"),
            Pattern.compile("'[^']' +returned error code: ?\\d+"),
            Pattern.compile("Bad mask", Pattern.CASE_INSENSITIVE),
            Pattern.compile("% ?(\\S+) ?overlaps with ?(\\S+)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("% ?(\\S+) ?Error: ?[\\s]+", Pattern.CASE_INSENSITIVE),
            Pattern.compile("% ?(\\S+) ?Informational: ?[\\s]+", Pattern.CASE_INSENSITIVE),
            Pattern.compile("Command authorization failed"),
            Pattern.compile("Command Rejected(\\s*\\([^)]*\\))?\\s*: ?[\\s]+", Pattern.CASE_INSENSITIVE),
            Pattern.compile("% Invalid", Pattern.CASE_INSENSITIVE));
    private static final Pattern ANSIBLE_CONFIG_PROMPT = Pattern.compile("^.+\\(config(-.*)?\\)#$");
    private static final Pattern ANSIBLE_PRIVILEGE = Pattern.compile("Current privilege level is (\\d+)$");
    private static final Pattern ANSIBLE_ENABLE_PROMPT = Pattern.compile("[\\r\\n]?(?:.*)?[Pp]assword: ?$");
    // automation-clients §4 (scrapli cisco_iosxe)
    private static final Pattern SCRAPLI_EXEC = Pattern.compile("^[\\w.\\-@/:]{1,63}>\\s*$", Pattern.MULTILINE);
    private static final Pattern SCRAPLI_PRIV = Pattern.compile("^[\\w.\\-@/:]{1,63}#\\s*$", Pattern.MULTILINE);
    private static final Pattern SCRAPLI_CONFIG =
            Pattern.compile("^[\\w.\\-@/:]{1,63}\\([\\w.\\-@/:+]{0,32}\\)#\\s*$", Pattern.MULTILINE);
    private static final Pattern SCRAPLI_ENABLE_PROMPT = Pattern.compile("^(?:enable\\s){0,1}password:\\s?$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    // automation-clients §1.4 (Netmiko SSHDetect)
    private static final Pattern NETMIKO_CISCO_IOS = Pattern.compile(
            "Cisco IOS Software|Cisco Internetwork Operating System Software", Pattern.CASE_INSENSITIVE);
    private static final List<String> NETMIKO_INVALID = List.of("% Invalid input detected", "syntax error, expecting",
            "Error: Unrecognized command", "%Error", "command not found", "Syntax Error: unexpected argument",
            "% Unrecognized command found at", "% Unknown command, the error locates at");

    @TempDir
    Path dir;

    /** Ansible's window: the last 256 bytes of what arrived. */
    private static String window(String out) {
        byte[] b = out.getBytes(StandardCharsets.ISO_8859_1);
        return new String(b, Math.max(0, b.length - 256), Math.min(256, b.length), StandardCharsets.ISO_8859_1);
    }

    private static String firstGroup(String regex, int flags, String text) {
        Matcher m = Pattern.compile(regex, flags).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }

    @Test
    void everyPromptMatchesTheToolsPromptPatterns() {
        CliTester t = CliTester.user(dir);
        String user = t.text("\r");
        assertThat(ANSIBLE_STDOUT.matcher(window(user)).find()).isTrue();
        assertThat(SCRAPLI_EXEC.matcher(user).find()).isTrue();
        String password = t.text("enable\r");
        assertThat(ANSIBLE_ENABLE_PROMPT.matcher(password).find()).isTrue();
        assertThat(SCRAPLI_ENABLE_PROMPT.matcher(password).find()).isTrue();
        assertThat(password).containsIgnoringCase("ssword"); // Netmiko enable()
        String priv = t.text("cisco\r");
        assertThat(ANSIBLE_STDOUT.matcher(window(priv)).find()).isTrue();
        assertThat(SCRAPLI_PRIV.matcher(priv).find()).isTrue();
        assertThat(priv.strip()).endsWith("#").doesNotContain(")#");
        for (String mode : new String[] {"configure terminal\r", "line vty 0 4\r", "interface Gi0/0\r"}) {
            String out = t.text(mode);
            String prompt = out.substring(out.lastIndexOf('\n') + 1);
            assertThat(ANSIBLE_STDOUT.matcher(window(out)).find()).as(prompt).isTrue();
            assertThat(ANSIBLE_CONFIG_PROMPT.matcher(prompt).matches()).as(prompt).isTrue();
            assertThat(SCRAPLI_CONFIG.matcher(prompt).find()).as(prompt).isTrue();
            assertThat(prompt).contains(")#"); // Netmiko check_config_mode()
        }
    }

    @Test
    void ansibleGetDeviceInfoReadsShowVersion() {
        // automation-clients §3.3 get_device_info(), ios-cli §3.4.
        CliTester t = CliTester.privileged(dir);
        t.text("terminal length 0\r");
        String out = t.text("show version\r").replace("\r\n", "\n");
        assertThat(firstGroup("Version (\\S+)", 0, out).replaceAll(",$", "")).isEqualTo("15.7(3)M8");
        Matcher model = Pattern.compile("^[Cc]isco (.+) \\(revision", Pattern.MULTILINE).matcher(out);
        assertThat(model.find()).isTrue();
        assertThat(model.group(1).split(" ")[0]).isEqualTo("CISCO3945-CHASSIS");
        assertThat(firstGroup("^(.+) uptime", Pattern.MULTILINE, out)).isEqualTo("R1");
        assertThat(firstGroup("image file is \"(.+)\"", 0, out))
                .isEqualTo("flash0:c3900-universalk9-mz.SPA.157-3.M8.bin");
        assertThat(firstGroup("board ID (\\S+)", 0, out)).isEqualTo("FGL161010K8");
        assertThat(Pattern.compile("\\sIOS-XE\\s").matcher(out).find()).isFalse();
        assertThat(ANSIBLE_STDERR).noneMatch(p -> p.matcher(out).find());
    }

    @Test
    void netmikoAutodetectScoresCiscoIos() {
        CliTester t = CliTester.privileged(dir);
        String out = t.text("terminal length 0\rshow version\r");
        assertThat(NETMIKO_CISCO_IOS.matcher(out).find()).isTrue();
        assertThat(NETMIKO_INVALID).noneMatch(out::contains);
        assertThat(out).doesNotContainIgnoringCase("Cisco IOS XE Software");
    }

    @Test
    void showPrivilegeSatisfiesAnsibleBecome() {
        CliTester t = CliTester.privileged(dir);
        String out = t.text("show privilege\r");
        // network_cli _sanitize(): drop the echoed command and the prompt line, strip.
        String sanitized = String.join("\n", out.lines().filter(l -> !l.equals("show privilege"))
                .filter(l -> !l.contains("R1#")).toList()).strip();
        assertThat(firstGroup(ANSIBLE_PRIVILEGE.pattern(), 0, sanitized)).isEqualTo("15");
    }

    @Test
    void everydayOutputTriggersNoAnsibleErrorPattern() {
        // automation-clients §3.2: any stderr match fails the task, so normal output must stay clear of them.
        CliTester t = CliTester.privileged(dir);
        t.text("terminal length 0\r");
        t.text("conf t\rinterface Gi0/1\rdescription core\rip address 10.0.0.1 255.255.255.0\rno shutdown\r"
                + "exit\rusername bob privilege 15 secret pw\rbanner motd #hi#\rend\r");
        for (String command : new String[] {"show version", "show running-config", "show clock", "show users",
            "show history", "show privilege", "show memory statistics", "show inventory", "show ip interface brief",
            "show interfaces", "show terminal", "terminal length 0", "terminal width 512", "write memory",
            "show startup-config"}) {
            String out = t.text(command + "\r");
            assertThat(ANSIBLE_STDERR).as(command).noneMatch(p -> p.matcher(out).find());
        }
    }

    @Test
    void errorsTriggerTheToolsErrorPatterns() {
        // scrapli failed-when-contains and Ansible stderr regexes must see our error texts.
        CliTester t = CliTester.privileged(dir);
        String[] bad = {"show vlan\r", "sh i\r", "show\r", "show switch virtual\r"};
        for (String command : bad) {
            String out = t.text(command);
            assertThat(ANSIBLE_STDERR).as(command).anyMatch(p -> p.matcher(out).find());
            assertThat(out).as(command).containsAnyOf("% Ambiguous command", "% Incomplete command",
                    "% Invalid input detected");
        }
        // ios_facts tolerates "show switch virtual" failing only when it says "Invalid input".
        assertThat(t.text("show switch virtual\r")).contains("Invalid input");
        t.text("conf t\rinterface Gi0/0\r");
        String mask = t.text("ip address 10.0.0.1 255.0.255.0\r");
        assertThat(ANSIBLE_STDERR).anyMatch(p -> p.matcher(mask).find());
    }

    @Test
    void ansibleFindsTheBannerInTheConfiguration() {
        // automation-clients §3.3 get_config(): banner (\w+) \^C(.+?)(?=\^C) (DOTALL in the module).
        CliTester t = CliTester.privileged(dir);
        t.text("terminal length 0\rconf t\rbanner motd #\rline one\rline two#\rend\r");
        String out = t.text("show running-config\r").replace("\r\n", "\n");
        Matcher m = Pattern.compile("banner (\\w+) \\^C(.+?)(?=\\^C)", Pattern.DOTALL).matcher(out);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("motd");
        assertThat(m.group(2).strip()).isEqualTo("line one\nline two");
    }

    @Test
    void ansibleHardwareFactsReadMemory() {
        CliTester t = CliTester.privileged(dir);
        String out = t.text("show memory statistics\r");
        Matcher m = Pattern.compile("Processor\\s+(\\S+|\\d+)\\s+(?<total>\\d+)\\s+\\d+\\s+(?<free>\\d+)").matcher(out);
        assertThat(m.find()).isTrue();
        assertThat(Long.parseLong(m.group("total"))).isGreaterThan(Long.parseLong(m.group("free")));
    }

    @Test
    void ansibleSaveWhenModifiedSeesNoDifferenceAfterWriteMemory() {
        // ios_config save_when=modified compares show running-config with show startup-config through netcommon's
        // NetworkConfig, which drops "Building configuration", "Current configuration : n bytes", "Using n out of
        // m bytes", comment lines ("!") and blank lines; any other difference saves again on every run.
        CliTester t = CliTester.privileged(dir);
        t.text("terminal length 0\rconf t\rbanner motd #\rhello\r#\rinterface Gi0/1\rdescription core\r"
                + "no shutdown\rline vty 1\rlength 0\rend\rwrite memory\r");
        List<String> running = networkConfig(t.text("show running-config\r"));
        List<String> startup = networkConfig(t.text("show startup-config\r"));
        assertThat(startup).isNotEmpty().containsExactlyElementsOf(running);
    }

    private static List<String> networkConfig(String out) {
        Pattern ignored = Pattern.compile("Using \\d+ out of \\d+ bytes|Building configuration|"
                + "Current configuration : \\d+ bytes");
        List<String> lines = List.of(out.split("\r\n"));
        return lines.subList(1, lines.size() - 1).stream().filter(l -> !l.isBlank())
                .filter(l -> !l.strip().startsWith("!")).filter(l -> !ignored.matcher(l).find()).toList();
    }

    @Test
    void netmikoBasePromptIsTheHostname() {
        // Netmiko find_prompt(): send "\n", take the last line, strip; must end in # or >; base = minus terminator.
        CliTester t = CliTester.privileged(dir);
        String out = t.text("\n").replace("\r\n", "\n").replace('\r', '\n');
        String last = out.substring(out.lastIndexOf('\n') + 1).strip();
        assertThat(last).isEqualTo("R1#");
        assertThat(last.substring(0, last.length() - 1)).isEqualTo("R1");
    }
}
