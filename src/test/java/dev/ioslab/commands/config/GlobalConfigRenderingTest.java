package dev.ioslab.commands.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.device.Type7;
import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Global configuration commands: each is accepted silently (§7.2: "Config-mode acceptance is silent") and renders
 * in {@code show running-config} as reference/ios-cli.md §7.1/§7.2 show, and each {@code no} form takes it out.
 */
class GlobalConfigRenderingTest {

    private static final String MD5_CRYPT = "\\$1\\$[./0-9A-Za-z]{4}\\$[./0-9A-Za-z]{22}";

    @TempDir
    Path dir;

    private CliTester t;

    @BeforeEach
    void open() {
        t = CliTester.privileged(dir);
        t.text("terminal length 0\rconfigure terminal\r");
    }

    /** Types each line in (config)# and checks it was accepted silently: echo, then the prompt again. */
    private void configure(String... lines) {
        for (String line : lines) {
            String out = t.text(line + "\r");
            assertThat(out).as(line).matches("(?s)" + Pattern.quote(line + "\r\n") + "[\\w-]+\\(config[^)]*\\)#");
        }
    }

    private List<String> runningConfig() {
        String out = t.text("do show running-config\r");
        return Arrays.asList(out.split("\r\n"));
    }

    private String runningText() {
        return String.join("\n", runningConfig()) + "\n";
    }

    @Test
    void hostnameSitsAfterTheServiceBlock() {
        configure("hostname Edge1");
        assertThat(runningText()).contains("\nno service password-encryption\n!\nhostname Edge1\n!\n"
                + "boot-start-marker\nboot-end-marker\n");
    }

    @Test
    void bothDomainNameSpellingsRenderAsIpDomainName() {
        configure("ip domain-name old.example");
        assertThat(runningConfig()).contains("ip domain name old.example").doesNotContain("ip domain-name old.example");
        configure("ip domain name lab.example");
        assertThat(runningConfig()).contains("ip domain name lab.example").doesNotContain("ip domain name old.example");
        configure("no ip domain name");
        assertThat(runningText()).doesNotContain("ip domain name");
        configure("ip domain-name x.example", "no ip domain-name");
        assertThat(runningText()).doesNotContain("ip domain");
    }

    @Test
    void hostsAndNameServers() {
        configure("ip host srv 10.0.0.9", "ip name-server 10.0.0.53");
        assertThat(runningConfig()).contains("ip host srv 10.0.0.9", "ip name-server 10.0.0.53");
        configure("no ip host srv", "no ip name-server 10.0.0.53");
        assertThat(runningText()).doesNotContain("ip host").doesNotContain("ip name-server");
    }

    @Test
    void domainLookupIsOnByDefaultAndRendersOnlyWhenOff() {
        assertThat(runningText()).doesNotContain("domain lookup");
        configure("no ip domain lookup");
        assertThat(runningConfig()).contains("no ip domain lookup");
        configure("ip domain lookup");
        assertThat(runningText()).doesNotContain("domain lookup");
    }

    @Test
    void usernameSecretIsStoredAsType5() {
        // §7.2: username a privilege 15 secret b -> "username a privilege 15 secret 5 $1$<salt4>$<22 chars>".
        configure("username bob privilege 15 secret bobpw", "username carol secret c");
        String text = runningText();
        assertThat(text).containsPattern("\nusername bob privilege 15 secret 5 " + MD5_CRYPT + "\n")
                .containsPattern("\nusername carol secret 5 " + MD5_CRYPT + "\n")
                .doesNotContain("bobpw");
        assertThat(t.shell().authenticate("bob", "bobpw")).hasValue(15);
        assertThat(t.shell().authenticate("carol", "c")).hasValue(1);
        assertThat(t.shell().authenticate("bob", "wrong")).isEmpty();
        configure("no username bob");
        assertThat(runningText()).doesNotContain("username bob");
        assertThat(t.shell().authenticate("bob", "bobpw")).isEmpty();
    }

    @Test
    void usernamePasswordRendersAsTypeZero() {
        // §7.1/§7.2 (NAP, SCR): "username a privilege 15 password 0 b".
        configure("username vagrant privilege 15 password vagrant");
        assertThat(runningConfig()).contains("username vagrant privilege 15 password 0 vagrant");
    }

    @Test
    void usernameAcceptsAnAlreadyEncryptedSecret() {
        // Saved configurations carry "secret 5 <hash>"; replaying them must keep the same hash.
        configure("username nap privilege 15 secret 5 $1$nc08$bizeEFbgCBKjZP4nurNCd.");
        assertThat(runningConfig()).contains("username nap privilege 15 secret 5 $1$nc08$bizeEFbgCBKjZP4nurNCd.");
    }

    @Test
    void enableSecretAndPassword() {
        configure("enable secret s3cret", "enable password vagrant");
        String text = runningText();
        assertThat(text).containsPattern("\nenable secret 5 " + MD5_CRYPT + "\nenable password vagrant\n");
        configure("no enable password");
        assertThat(runningText()).doesNotContain("enable password");
        configure("no enable secret");
        assertThat(runningText()).doesNotContain("enable secret");
    }

    @Test
    void servicePasswordEncryptionTurnsTypeZeroIntoType7() {
        // §7.2/§7.3: converts enable password, username password, line password and ip ftp password.
        configure("enable password ep", "username bob privilege 15 password bobpw", "ip ftp password ftppw",
                "line vty 0 4", "password linepw", "exit", "service password-encryption");
        List<String> config = runningConfig();
        assertThat(config).contains("service password-encryption");
        assertThat(decoded(config, "enable password 7 (\\S+)")).isEqualTo("ep");
        assertThat(decoded(config, "username bob privilege 15 password 7 (\\S+)")).isEqualTo("bobpw");
        assertThat(decoded(config, "ip ftp password 7 (\\S+)")).isEqualTo("ftppw");
        assertThat(decoded(config, " password 7 (\\S+)")).isEqualTo("linepw");
        assertThat(String.join("\n", config)).doesNotContain("bobpw").doesNotContain("linepw");
        configure("no service password-encryption");
        // Turning encryption off does not decrypt what was already encrypted (IOS behaviour).
        assertThat(runningConfig()).contains("no service password-encryption");
        assertThat(runningText()).doesNotContain("password 0 bobpw");
    }

    @Test
    void acceptsType7InputAndKeepsItEncrypted() {
        // §7.1 (AlterPoint configs): "enable password 7 030C5E12", "ip ftp password 7 050A0A1B725E5E59580B03".
        configure("enable password 7 030C5E12", "ip ftp password 7 050A0A1B725E5E59580B03");
        List<String> config = runningConfig();
        assertThat(decoded(config, "enable password 7 (\\S+)")).isEqualTo("hey");
        assertThat(decoded(config, "ip ftp password 7 (\\S+)")).isEqualTo("alt3rp0!nt");
    }

    @Test
    void singleLineBanner() {
        configure("banner motd #Authorized access only#");
        assertThat(runningText()).contains("\nbanner motd ^CAuthorized access only^C\n");
        configure("no banner motd");
        assertThat(runningText()).doesNotContain("banner");
    }

    @Test
    void multiLineBannerAsksForTextUntilTheDelimiter() {
        assertThat(t.text("banner motd #\r"))
                .isEqualTo("banner motd #\r\nEnter TEXT message.  End with the character '#'.\r\n");
        assertThat(t.text("Welcome\r")).isEqualTo("Welcome\r\n");
        assertThat(t.text("to the lab#\r")).isEqualTo("to the lab#\r\nR1(config)#");
        assertThat(runningText()).contains("\nbanner motd ^C\nWelcome\nto the lab^C\n");
    }

    @Test
    void bannerIsShownAtLogin() {
        configure("banner motd #Lab router#");
        t.text("end\r");
        CliTester.Peer peer = t.openPeer("admin", 15, "10.0.0.2");
        assertThat(peer.greeting()).isEqualTo("\r\nLab router\r\n\r\nR1#");
    }

    @Test
    void bootSystemKeepsOrderAndBothSyntaxes() {
        // §6.3: entries appended in order between the markers; old "flash <file>" syntax kept verbatim.
        configure("boot system flash0:c3900-universalk9-mz.SPA.157-3.M8.bin",
                "boot system flash c3900-universalk9-mz.SPA.156-3.M.bin");
        assertThat(runningText()).contains("\nboot-start-marker\n"
                + "boot system flash0:c3900-universalk9-mz.SPA.157-3.M8.bin\n"
                + "boot system flash c3900-universalk9-mz.SPA.156-3.M.bin\n"
                + "boot-end-marker\n");
        configure("no boot system flash0:c3900-universalk9-mz.SPA.157-3.M8.bin");
        assertThat(runningText()).contains("\nboot-start-marker\n"
                + "boot system flash c3900-universalk9-mz.SPA.156-3.M.bin\nboot-end-marker\n");
        configure("boot system flash0:a.bin", "no boot system");
        assertThat(runningText()).contains("\nboot-start-marker\nboot-end-marker\n");
    }

    @Test
    void configRegisterRendersOnlyWhenNotDefault() {
        assertThat(runningText()).doesNotContain("config-register");
        configure("config-register 0x2142");
        assertThat(runningConfig()).contains("config-register 0x2142");
        configure("no config-register");
        assertThat(runningText()).doesNotContain("config-register");
    }

    @Test
    void filePrompt() {
        configure("file prompt quiet");
        assertThat(runningConfig()).contains("file prompt quiet");
        configure("no file prompt");
        assertThat(runningText()).doesNotContain("file prompt");
    }

    @Test
    void ipFtpSettings() {
        // §7.1/§7.2: "no ip ftp passive", "ip ftp username u", "ip ftp password p", source-interface expanded.
        configure("ip ftp username alterpoint", "ip ftp password plain", "no ip ftp passive",
                "ip ftp source-interface Gi0/1");
        List<String> config = runningConfig();
        assertThat(config).contains("ip ftp username alterpoint", "ip ftp password plain", "no ip ftp passive",
                "ip ftp source-interface GigabitEthernet0/1");
        configure("no ip ftp username", "no ip ftp password", "ip ftp passive", "no ip ftp source-interface");
        assertThat(runningText()).doesNotContain("ip ftp");
    }

    @Test
    void ipFtpPasswordAcceptsExplicitTypeZero() {
        configure("ip ftp password 0 plain");
        assertThat(runningConfig()).contains("ip ftp password plain");
    }

    @Test
    void ipTftpSettings() {
        configure("ip tftp blocksize 8192", "ip tftp source-interface GigabitEthernet0/0");
        assertThat(runningConfig()).contains("ip tftp blocksize 8192",
                "ip tftp source-interface GigabitEthernet0/0");
        configure("no ip tftp blocksize", "no ip tftp source-interface");
        assertThat(runningText()).doesNotContain("ip tftp");
    }

    @Test
    void ipScpServer() {
        configure("ip scp server enable");
        assertThat(runningConfig()).contains("ip scp server enable");
        configure("no ip scp server enable");
        assertThat(runningText()).doesNotContain("ip scp server");
    }

    @Test
    void logging() {
        configure("logging buffered 8192", "logging host 10.0.0.5");
        assertThat(runningConfig()).contains("logging buffered 8192", "logging host 10.0.0.5");
        configure("no logging buffered", "no logging host 10.0.0.5");
        assertThat(runningText()).doesNotContain("logging buffered").doesNotContain("logging host");
    }

    @Test
    void loggingLevelsConsoleAndTrap() {
        configure("logging buffered 51200 warnings", "no logging console", "logging trap notifications");
        assertThat(runningConfig()).contains("logging buffered 51200 warnings", "no logging console",
                "logging trap notifications");
        configure("logging console", "no logging trap", "no logging buffered");
        assertThat(runningText()).doesNotContain("logging");
    }

    @Test
    void usernameAcceptsType7Passwords() {
        // §7.1: "username eric password 7 06041A2D405D014811" replays as written and still authenticates.
        configure("username eric password 7 06041A2D405D014811");
        assertThat(runningConfig()).contains("username eric password 7 06041A2D405D014811");
        assertThat(t.shell().authenticate("eric", "bullsh1t")).hasValue(1);
    }

    @Test
    void rejectsAnOutOfRangeArgumentWithTheCaret() {
        String out = t.text("ip tftp blocksize 99999999\r");
        assertThat(out).contains("^\r\n% Invalid input detected at '^' marker.").endsWith("R1(config)#");
    }

    @Test
    void showRunningConfigReplaysWithoutErrors() {
        configure("hostname Full", "service password-encryption", "ip domain name lab.example",
                "username bob privilege 15 password bobpw", "enable password ep", "banner motd #hi#",
                "boot system flash b.bin", "config-register 0x2142", "file prompt quiet", "ip ftp username u",
                "ip ftp password p", "ip tftp blocksize 8192", "ip scp server enable", "logging buffered 8192",
                "line vty 1", "transport input ssh", "exit");
        List<String> config = runningConfig();
        String text = String.join("\n", config.subList(config.indexOf("!"), config.lastIndexOf("end") + 1));
        assertThat(t.shell().replayConfig(text)).isEmpty();
    }

    private static String decoded(List<String> config, String regex) {
        Pattern p = Pattern.compile("^" + regex + "$");
        for (String line : config) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                return Type7.decode(m.group(1)).orElseThrow();
            }
        }
        throw new AssertionError("no line matching " + regex + " in " + config);
    }
}
