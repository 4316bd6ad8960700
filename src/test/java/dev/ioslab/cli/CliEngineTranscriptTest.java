package dev.ioslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import java.util.ArrayDeque;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transcripts of the CLI engine through a real session: modes and prompts, enable/disable, leaving modes, matching
 * errors with the caret, {@code ?} help, output pipes, paging, type-ahead and line-editor keys. Expected texts come
 * from reference/ios-cli.md (§0, §1, §2) and reference/automation-clients.md.
 */
class CliEngineTranscriptTest {

    private static final String CONF_T = "Enter configuration commands, one per line.  End with CNTL/Z.\r\n";

    @TempDir
    Path dir;

    @Nested
    class Prompts {

        @Test
        void showsOnePromptPerModeWithNoTrailingSpace() {
            // §0.5 and §1.5: R1>, R1#, R1(config)#, R1(config-line)#, R1(config-if)#.
            CliTester t = CliTester.user(dir);
            assertThat(t.text("\r")).isEqualTo("\r\nR1>");
            assertThat(t.text("enable\r")).isEqualTo("enable\r\nPassword: ");
            assertThat(t.text("cisco\r")).isEqualTo("\r\nR1#");
            assertThat(t.text("configure terminal\r")).isEqualTo("configure terminal\r\n" + CONF_T + "R1(config)#");
            assertThat(t.text("line vty 0 4\r")).isEqualTo("line vty 0 4\r\nR1(config-line)#");
            assertThat(t.text("interface GigabitEthernet0/0\r"))
                    .isEqualTo("interface GigabitEthernet0/0\r\nR1(config-if)#");
        }

        @Test
        void printsThePromptUnaskedWhenTheSessionStarts() {
            // §0.10 / automation-clients §3.1: Ansible sends nothing and waits for the prompt.
            CliTester t = CliTester.privileged(dir);
            assertThat(t.openPeer("admin", 15, "10.0.0.4").greeting()).isEqualTo("\r\nR1#");
            assertThat(t.openPeer("bob", 1, "10.0.0.5").greeting()).isEqualTo("\r\nR1>");
        }

        @Test
        void acceptsTheAbbreviationsToolsSend() {
            // §0.7: term len 0, term width 512, config term, conf t, sh ver, write mem.
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("term len 0\r")).isEqualTo("term len 0\r\nR1#");
            assertThat(t.text("term width 512\r")).isEqualTo("term width 512\r\nR1#");
            assertThat(t.text("config term\r")).isEqualTo("config term\r\n" + CONF_T + "R1(config)#");
            assertThat(t.text("end\r")).isEqualTo("end\r\nR1#");
            assertThat(t.text("conf t\r")).isEqualTo("conf t\r\n" + CONF_T + "R1(config)#");
            assertThat(t.text("end\r")).isEqualTo("end\r\nR1#");
            assertThat(t.text("sh ver\r")).startsWith("sh ver\r\nCisco IOS Software, C3900 Software");
            assertThat(t.text("write mem\r")).isEqualTo("write mem\r\nBuilding configuration...\r\n[OK]\r\nR1#");
        }

        @Test
        void configPromptsTruncateLongHostnames() {
            // §1.5: IOS abbreviates the hostname at 20 characters in config prompts; Netmiko keeps 16 as its base.
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\r");
            assertThat(t.text("hostname ABCDEFGHIJKLMNOPQRSTUVWXYZ\r"))
                    .isEqualTo("hostname ABCDEFGHIJKLMNOPQRSTUVWXYZ\r\nABCDEFGHIJKLMNOPQRST(config)#");
            assertThat(t.text("end\r")).isEqualTo("end\r\nABCDEFGHIJKLMNOPQRSTUVWXYZ#");
            assertThat(t.text("conf t\r")).endsWith("\r\nABCDEFGHIJKLMNOP" + "QRST(config)#");
            assertThat(t.text("no hostname\r")).isEqualTo("no hostname\r\nRouter(config)#");
        }

        @Test
        void hostnameChangesThePromptAtOnce() {
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\r");
            assertThat(t.text("hostname Edge-7\r")).isEqualTo("hostname Edge-7\r\nEdge-7(config)#");
            assertThat(t.text("end\r")).isEqualTo("end\r\nEdge-7#");
        }
    }

    @Nested
    class Enable {

        @Test
        void asksForThePasswordAndEntersPrivilegedMode() {
            // §1.4: "Password: " (capital P, colon, one space); no echo of the secret.
            CliTester t = CliTester.user(dir);
            assertThat(t.text("enable\r")).isEqualTo("enable\r\nPassword: ");
            assertThat(t.text("cisco\r")).isEqualTo("\r\nR1#");
            assertThat(t.text("show privilege\r")).contains("Current privilege level is 15\r\n");
        }

        @Test
        void givesUpAfterThreeBadSecrets() {
            // §1.4: Password: ×3, then "% Bad secrets", a blank line, and the prompt stays ">".
            CliTester t = CliTester.user(dir);
            assertThat(t.text("enable\r")).isEqualTo("enable\r\nPassword: ");
            assertThat(t.text("one\r")).isEqualTo("\r\nPassword: ");
            assertThat(t.text("two\r")).isEqualTo("\r\nPassword: ");
            assertThat(t.text("three\r")).isEqualTo("\r\n% Bad secrets\r\n\r\nR1>");
            assertThat(t.text("show privilege\r")).contains("Current privilege level is 1\r\n");
        }

        @Test
        void acceptsTheSecretOnTheSecondTry() {
            CliTester t = CliTester.user(dir);
            t.text("enable\r");
            assertThat(t.text("wrong\r")).isEqualTo("\r\nPassword: ");
            assertThat(t.text("cisco\r")).isEqualTo("\r\nR1#");
        }

        @Test
        void saysNoPasswordSetWhenNoneIsConfigured() {
            // §1.4: no enable password/secret on a VTY: "% No password set".
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\rno enable secret\rend\rdisable\r");
            String out = t.text("enable\r");
            assertThat(out).contains("% No password set\r\n").doesNotContain("Password:").endsWith("R1>");
        }

        @Test
        void enableSecretTakesPrecedenceOverEnablePassword() {
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\renable password plain\rend\rdisable\r");
            assertThat(t.text("enable\rplain\r")).isEqualTo("enable\r\nPassword: \r\nPassword: ");
            assertThat(t.text("cisco\r")).isEqualTo("\r\nR1#");
            t.text("conf t\rno enable secret\rend\rdisable\r");
            assertThat(t.text("enable\rplain\r")).isEqualTo("enable\r\nPassword: \r\nR1#");
        }

        @Test
        void takesTheSecretWhenItArrivesInTheSameBurst() {
            // Netmiko 2.4.2 always writes the secret right after "enable" (automation-clients §2).
            CliTester t = CliTester.user(dir);
            assertThat(t.text("enable\ncisco\n")).isEqualTo("enable\r\nPassword: \r\nR1#");
        }

        @Test
        void toleratesAStrayBlankLineAfterEnable() {
            // Netmiko 2.4.2 sends secret + "\n" even without a Password: prompt (ios-cli §1.4).
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("enable\n")).isEqualTo("enable\r\nR1#");
            assertThat(t.text("\n")).isEqualTo("\r\nR1#");
        }

        @Test
        void disableReturnsToUserModeSilently() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("disable\r")).isEqualTo("disable\r\nR1>");
            assertThat(t.text("show privilege\r")).isEqualTo("show privilege\r\nCurrent privilege level is 1\r\nR1>");
        }

        @Test
        void userModeCannotConfigure() {
            CliTester t = CliTester.user(dir);
            String out = t.text("configure terminal\r");
            assertThat(out).contains("% Invalid input detected at '^' marker.").endsWith("R1>");
        }
    }

    @Nested
    class LeavingModes {

        @Test
        void exitAtExecClosesTheSession() {
            // §1.5: exit/logout at exec level closes the session; no output is required.
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("exit\r")).isEqualTo("exit\r\n");
            assertThat(t.terminal().isClosed()).isTrue();
        }

        @Test
        void logoutClosesTheSession() {
            CliTester t = CliTester.user(dir);
            assertThat(t.text("logout\r")).isEqualTo("logout\r\n");
            assertThat(t.terminal().isClosed()).isTrue();
        }

        @Test
        void exitGoesUpOneLevelInConfiguration() {
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\rline vty 0 4\r");
            assertThat(t.text("exit\r")).isEqualTo("exit\r\nR1(config)#");
            assertThat(t.text("interface Gi0/1\r")).isEqualTo("interface Gi0/1\r\nR1(config-if)#");
            assertThat(t.text("exit\r")).isEqualTo("exit\r\nR1(config)#");
            assertThat(t.text("exit\r")).isEqualTo("exit\r\nR1#");
            assertThat(t.terminal().isClosed()).isFalse();
        }

        @Test
        void endReturnsToPrivilegedExecFromAnySubMode() {
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\rinterface Gi0/0\r");
            assertThat(t.text("end\r")).isEqualTo("end\r\nR1#");
            t.text("conf t\rline vty 0 4\r");
            assertThat(t.text("end\r")).isEqualTo("end\r\nR1#");
        }

        @Test
        void ctrlZLeavesConfigurationAndDropsThePartialLine() {
            // §1.5: Ctrl-Z (0x1A) in any config mode returns to R1#.
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\rinterface Gi0/0\r");
            String out = t.type("descr<C-z>");
            assertThat(out).isEqualTo("descr^Z\r\nR1#");
            assertThat(t.text("show privilege\r")).startsWith("show privilege\r\n");
            assertThat(t.device().config().interfaceFor("GigabitEthernet0/0").description()).isNull();
        }
    }

    @Nested
    class ConfigModes {

        @Test
        void runsExecCommandsWithDo() {
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\rline vty 0 4\r");
            assertThat(t.text("do show privilege\r"))
                    .isEqualTo("do show privilege\r\nCurrent privilege level is 15\r\nR1(config-line)#");
            assertThat(t.text("do sh clock\r")).isEqualTo("do sh clock\r\n*10:00:00.000 UTC Fri Nov 27 2026\r\n"
                    + "R1(config-line)#");
        }

        @Test
        void doPipesWork() {
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\r");
            assertThat(t.text("do show running-config | include hostname\r"))
                    .isEqualTo("do show running-config | include hostname\r\nhostname R1\r\nR1(config)#");
        }

        @Test
        void doPlacesTheCaretUnderTheBadWord() {
            // §2.1: caret aligned with the echoed line including the prompt "R1(config)#" (11 columns).
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\r");
            assertThat(t.text("do sh ipp\r")).isEqualTo("do sh ipp\r\n" + " ".repeat(11 + 8) + "^\r\n"
                    + "% Invalid input detected at '^' marker.\r\n\r\nR1(config)#");
        }

        @Test
        void fallsThroughFromSubModeToGlobalConfiguration() {
            // §1.5 / issue 2: a global command typed in a sub-mode runs in global configuration.
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\rline vty 0 4\r");
            assertThat(t.text("hostname R7\r")).isEqualTo("hostname R7\r\nR7(config)#");
            t.text("interface Gi0/0\r");
            assertThat(t.text("line vty 0 4\r")).isEqualTo("line vty 0 4\r\nR7(config-line)#");
            assertThat(t.text("interface Gi0/2\r")).isEqualTo("interface Gi0/2\r\nR7(config-if)#");
            t.text("description moved\r");
            assertThat(t.device().config().interfaceFor("GigabitEthernet0/2").description())
                    .isEqualTo("moved");
        }

        @Test
        void rejectsAnUnknownConfigWordWithTheCaret() {
            // "hostn" still matches "hostname"; the caret goes under the "m", past the 11-column prompt.
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\r");
            assertThat(t.text("hostnme R2\r")).isEqualTo("hostnme R2\r\n" + " ".repeat(11 + 5) + "^\r\n"
                    + "% Invalid input detected at '^' marker.\r\n\r\nR1(config)#");
        }

        @Test
        void ignoresCommentLines() {
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\r");
            assertThat(t.text("!\r")).isEqualTo("!\r\nR1(config)#");
        }
    }

    @Nested
    class Matching {

        @Test
        void exactKeywordWinsOverLongerOnes() {
            // "ip domain name" must not be ambiguous with "ip domain-name" / "ip domain lookup".
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\r");
            assertThat(t.text("ip domain name lab.example\r")).isEqualTo("ip domain name lab.example\r\nR1(config)#");
            assertThat(t.device().config().domainName()).isEqualTo("lab.example");
        }

        @Test
        void acceptsAUniquePrefix() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("sh priv\r")).isEqualTo("sh priv\r\nCurrent privilege level is 15\r\nR1#");
        }

        @Test
        void rejectsAmbiguousKeywordQuotingTheInputAsTyped() {
            // §2.1: % Ambiguous command: "<input as typed>".
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("sh i\r")).isEqualTo("sh i\r\n% Ambiguous command: \"sh i\"\r\nR1#");
            assertThat(t.text("e\r")).isEqualTo("e\r\n% Ambiguous command: \"e\"\r\nR1#");
        }

        @Test
        void reportsIncompleteCommand() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("show\r")).isEqualTo("show\r\n% Incomplete command.\r\n\r\nR1#");
            assertThat(t.text("terminal length\r")).isEqualTo("terminal length\r\n% Incomplete command.\r\n\r\nR1#");
        }

        @Test
        void putsTheCaretUnderTheFirstCharacterThatMatchesNothing() {
            // §2.1: "sh ipp int br": "i" and "ip" still match, the second "p" does not; prompt is 3 columns.
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("sh ipp int br\r")).isEqualTo("sh ipp int br\r\n" + " ".repeat(3 + 5) + "^\r\n"
                    + "% Invalid input detected at '^' marker.\r\n\r\nR1#");
        }

        @Test
        void putsTheCaretUnderABadArgument() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("terminal length 999\r")).isEqualTo("terminal length 999\r\n" + " ".repeat(3 + 16)
                    + "^\r\n% Invalid input detected at '^' marker.\r\n\r\nR1#");
        }

        @Test
        void countsLeadingSpacesInTheCaretColumn() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("  show zzz\r")).isEqualTo("  show zzz\r\n" + " ".repeat(3 + 7)
                    + "^\r\n% Invalid input detected at '^' marker.\r\n\r\nR1#");
        }

        @Test
        void translatesAnUnknownWordWhenDomainLookupIsOn() {
            // §2.1: unknown first word at exec level with ip domain lookup on.
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("ls\r")).isEqualTo("ls\r\nTranslating \"ls\"...domain server (255.255.255.255)\r\n"
                    + "% Unknown command or computer name, or unable to find computer address\r\nR1#");
        }

        @Test
        void showsTheCaretForAnUnknownWordWhenDomainLookupIsOff() {
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\rno ip domain lookup\rend\r");
            assertThat(t.text("zz\r"))
                    .isEqualTo("zz\r\n   ^\r\n% Invalid input detected at '^' marker.\r\n\r\nR1#");
            // "l" still matches "logout", so the caret goes under the "s" (same rule as "sh ipp", §2.1).
            assertThat(t.text("ls\r"))
                    .isEqualTo("ls\r\n    ^\r\n% Invalid input detected at '^' marker.\r\n\r\nR1#");
        }
    }

    @Nested
    class Help {

        @Test
        void listsNextKeywordsWithDescriptionsAndRedrawsTheLine() {
            // §2.2: two leading spaces, keyword column as wide as the longest keyword + 2, then the prompt and
            // the partial line again.
            CliTester t = CliTester.privileged(dir);
            String out = t.text("show ?");
            assertThat(out).startsWith("show ?\r\n")
                    .contains("  clock           Display the system clock\r\n")
                    .contains("  running-config  Current operating configuration\r\n")
                    .contains("  version         System hardware and software status\r\n")
                    .endsWith("\r\n\r\nR1#show ");
        }

        @Test
        void offersCrAndOutputModifiersWhenComplete() {
            CliTester t = CliTester.privileged(dir);
            String out = t.text("show version ?");
            assertThat(out).contains("  |  ").contains("Output modifiers\r\n").contains("  <cr>\r\n")
                    .endsWith("R1#show version ");
        }

        @Test
        void listsCompletionsOfAPartialWord() {
            CliTester t = CliTester.privileged(dir);
            String out = t.text("show in?");
            assertThat(out).startsWith("show in?\r\n").contains("interfaces").contains("inventory")
                    .doesNotContain("version").endsWith("\r\nR1#show in");
        }

        @Test
        void keepsTheLineEditableAfterHelp() {
            CliTester t = CliTester.privileged(dir);
            t.text("show priv?");
            assertThat(t.text("ilege\r")).isEqualTo("ilege\r\nCurrent privilege level is 15\r\nR1#");
        }

        @Test
        void helpIsNotPutIntoTheHistoryOrTheLine() {
            CliTester t = CliTester.privileged(dir);
            t.text("show ?");
            t.text("privilege\r");
            assertThat(t.text("show history\r")).isEqualTo("show history\r\n  show privilege\r\n  show history\r\nR1#");
        }

        @Test
        void answersAnsibleDefaultsProbeWithHelpThenTheConfiguration() {
            // §2.2 / automation-clients §3.3: "show running-config ?\r": help, the redisplayed line, then the
            // whole running configuration, then the prompt.
            CliTester t = CliTester.privileged(dir);
            t.text("terminal length 0\r");
            String out = t.text("show running-config ?\r");
            int redisplay = out.indexOf("R1#show running-config \r\n");
            assertThat(redisplay).isPositive();
            String help = out.substring(0, redisplay);
            assertThat(help).contains("  full").contains("Output modifiers").contains("<cr>");
            String rest = out.substring(redisplay + "R1#show running-config \r\n".length());
            assertThat(rest).startsWith("Building configuration...\r\n\r\nCurrent configuration : ")
                    .contains("hostname R1\r\n").endsWith("end\r\n\r\nR1#");
            // Ansible's get_defaults_flag(): "all" among first tokens -> all, else full.
            assertThat(help.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")[0]))
                    .contains("full");
        }

        @Test
        void helpOnAnEmptyLineListsTheModesCommands() {
            CliTester t = CliTester.privileged(dir);
            String out = t.text("?");
            assertThat(out).contains("  configure ").contains("  show ").contains("  enable ").endsWith("\r\nR1#");
        }

        @Test
        void helpInConfigurationListsGlobalCommands() {
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\r");
            String out = t.text("ip ?");
            assertThat(out).contains("  domain").contains("  ftp").contains("  tftp").endsWith("R1(config)#ip ");
        }

        @Test
        void listsOutputModifiersAfterAPipe() {
            CliTester t = CliTester.privileged(dir);
            String out = t.text("show running-config | ?");
            assertThat(out).contains("  begin").contains("  count").contains("  exclude").contains("  include")
                    .contains("  section").endsWith("\r\nR1#show running-config | ");
            assertThat(t.text("include hostname\r")).endsWith("\r\nhostname R1\r\nR1#");
        }

        @Test
        void marksAnUnrecognizedWordInHelp() {
            CliTester t = CliTester.privileged(dir);
            String out = t.text("zz?");
            assertThat(out).contains("% Unrecognized command\r\n").endsWith("R1#zz");
        }
    }

    @Nested
    class Pipes {

        @Test
        void includeKeepsMatchingLines() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("show running-config | include hostname\r"))
                    .isEqualTo("show running-config | include hostname\r\nhostname R1\r\nR1#");
        }

        @Test
        void underscoreMatchesADelimiter() {
            // IOS regex: "_" matches start/end of line, space, comma, braces and parentheses.
            CliTester t = CliTester.privileged(dir);
            String out = t.text("show running-config | include _5_\r");
            assertThat(out.split("\r\n")).hasSize(4);
            assertThat(out).contains("\r\nenable secret 5 $1$").contains("\r\nusername admin privilege 15 secret 5 ");
            assertThat(t.text("show run | i ^line_\r")).isEqualTo("show run | i ^line_\r\nline con 0\r\nline aux 0\r\n"
                    + "line vty 0 4\r\nR1#");
        }

        @Test
        void excludeDropsMatchingLines() {
            CliTester t = CliTester.privileged(dir);
            t.text("terminal length 0\r");
            String out = t.text("show running-config | exclude !\r");
            assertThat(out).contains("hostname R1").doesNotContain("\r\n!\r\n");
        }

        @Test
        void beginStartsAtTheFirstMatch() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("show running-config | begin ^line vty\r"))
                    .isEqualTo("show running-config | begin ^line vty\r\nline vty 0 4\r\n login local\r\n!\r\n"
                            + "scheduler allocate 20000 1000\r\n!\r\nend\r\n\r\nR1#");
        }

        @Test
        void sectionBringsChildLines() {
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\rinterface Gi0/1\rdescription core\rend\r");
            assertThat(t.text("show running-config | section interface GigabitEthernet0/1\r"))
                    .isEqualTo("show running-config | section interface GigabitEthernet0/1\r\n"
                            + "interface GigabitEthernet0/1\r\n description core\r\n no ip address\r\n shutdown\r\n"
                            + " duplex auto\r\n speed auto\r\nR1#");
        }

        @Test
        void sectionShowsAMatchingChildUnderItsParent() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("show running-config | section login\r"))
                    .isEqualTo("show running-config | section login\r\nline vty 0 4\r\n login local\r\nR1#");
            assertThat(t.text("show running-config | section username\r")).matches(
                    "show running-config \\| section username\r\nusername admin privilege 15 secret 5 \\S+\r\nR1#");
        }

        @Test
        void countCountsMatchingLines() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("show running-config | count ^interface\r"))
                    .isEqualTo("show running-config | count ^interface\r\n"
                            + "Number of lines which match regexp = 3\r\nR1#");
        }

        @Test
        void acceptsAbbreviatedModifiers() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("sh run | i hostname\r")).isEqualTo("sh run | i hostname\r\nhostname R1\r\nR1#");
            assertThat(t.text("sh run | inc hostname\r")).isEqualTo("sh run | inc hostname\r\nhostname R1\r\nR1#");
        }

        @Test
        void rejectsAnUnknownModifierAtItsColumn() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("show run | foo\r")).isEqualTo("show run | foo\r\n" + " ".repeat(3 + 11)
                    + "^\r\n% Invalid input detected at '^' marker.\r\n\r\nR1#");
        }

        @Test
        void reportsAPipeWithoutModifierAsIncomplete() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("show run |\r")).isEqualTo("show run |\r\n% Incomplete command.\r\n\r\nR1#");
            assertThat(t.text("show run | include\r"))
                    .isEqualTo("show run | include\r\n% Incomplete command.\r\n\r\nR1#");
        }
    }

    @Nested
    class Paging {

        private static final String MORE = " --More-- ";
        private static final String ERASE = "\b".repeat(MORE.length()) + " ".repeat(MORE.length())
                + "\b".repeat(MORE.length());

        @Test
        void pagesLongOutputAndStepsBySpaceAndEnter() {
            // §2.4: length-1 lines, " --More-- "; Space = next page, Enter = next line, other key = abort.
            CliTester t = CliTester.privileged(dir);
            t.text("terminal length 5\r");
            String first = t.text("show running-config\r");
            assertThat(first).matches("show running-config\r\nBuilding configuration\\.\\.\\.\r\n\r\n"
                    + "Current configuration : \\d+ bytes\r\n!\r\n --More-- ");
            assertThat(t.text(" ")).isEqualTo(ERASE + "version 15.7\r\nservice timestamps debug datetime msec\r\n"
                    + "service timestamps log datetime msec\r\nno service password-encryption\r\n" + MORE);
            assertThat(t.text("\r")).isEqualTo(ERASE + "!\r\n" + MORE);
            assertThat(t.text("q")).isEqualTo(ERASE + "\r\nR1#");
            assertThat(t.text("show privilege\r")).isEqualTo("show privilege\r\nCurrent privilege level is 15\r\nR1#");
        }

        @Test
        void spaceThroughToTheEndReturnsThePrompt() {
            CliTester t = CliTester.privileged(dir);
            t.text("terminal length 24\r");
            StringBuilder all = new StringBuilder(t.text("show running-config\r"));
            for (int i = 0; i < 20 && !all.toString().endsWith("R1#"); i++) {
                all.append(t.text(" "));
            }
            String plain = all.toString().replace(ERASE, "").replace(MORE, "");
            assertThat(plain).endsWith("end\r\n\r\nR1#").contains("line vty 0 4\r\n login local\r\n");
        }

        @Test
        void lengthZeroNeverPages() {
            CliTester t = CliTester.privileged(dir);
            t.text("terminal length 0\r");
            assertThat(t.text("show running-config\r")).doesNotContain("--More--").endsWith("end\r\n\r\nR1#");
        }

        @Test
        void vtyDefaultLengthIs24() {
            CliTester t = CliTester.privileged(dir);
            String out = t.text("show running-config\r");
            assertThat(out.split("\r\n", -1)).hasSize(1 + 23 + 1);
            assertThat(out).endsWith(MORE);
        }
    }

    @Nested
    class TerminalSettings {

        @Test
        void terminalCommandsAreSilentAndPerSession() {
            // §2.3: no output, just the next prompt; not in running-config.
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("terminal length 0\r")).isEqualTo("terminal length 0\r\nR1#");
            assertThat(t.text("terminal width 511\r")).isEqualTo("terminal width 511\r\nR1#");
            assertThat(t.text("terminal width 0\r")).isEqualTo("terminal width 0\r\nR1#");
            assertThat(t.text("terminal width 132\r")).isEqualTo("terminal width 132\r\nR1#");
            assertThat(t.text("show terminal\r")).contains("Length: 0 lines, Width: 132 columns\r\n");
            CliTester.Peer other = t.openPeer("admin", 15, "10.1.1.1");
            assertThat(other.text("show terminal\r")).contains("Length: 24 lines, Width: 80 columns\r\n");
            assertThat(t.text("show running-config | include terminal|length|width\r"))
                    .isEqualTo("show running-config | include terminal|length|width\r\nR1#");
        }

        @Test
        void monitorTogglesAndShows() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("terminal monitor\r")).isEqualTo("terminal monitor\r\nR1#");
            assertThat(t.text("show terminal | include Monitor\r")).contains("Monitor is on.");
            assertThat(t.text("terminal no monitor\r")).isEqualTo("terminal no monitor\r\nR1#");
            assertThat(t.text("show terminal | include Monitor\r")).contains("Monitor is off.");
        }
    }

    @Nested
    class TypeAhead {

        @Test
        void runsABurstOfConfigCommandsInOrderEachEchoedAndPrompted() {
            // automation-clients §2: Netmiko 2.4.2 send_config_set writes every command back to back.
            CliTester t = CliTester.privileged(dir);
            String out = t.text("config term\nhostname R9\ninterface GigabitEthernet0/1\ndescription to core\n"
                    + "ip address 10.0.0.1 255.255.255.0\nno shutdown\nend\n");
            assertThat(out).isEqualTo("config term\r\n" + CONF_T + "R1(config)#hostname R9\r\n"
                    + "R9(config)#interface GigabitEthernet0/1\r\nR9(config-if)#description to core\r\n"
                    + "R9(config-if)#ip address 10.0.0.1 255.255.255.0\r\nR9(config-if)#no shutdown\r\n"
                    + "R9(config-if)#end\r\nR9#");
        }

        @Test
        void answersTheCopyQuestionWithTheQueuedEnter() {
            // §0.6 and §5.10: Ansible sends "copy running-config startup-config\r" plus its own "\r".
            CliTester t = CliTester.privileged(dir);
            String out = t.text("copy running-config startup-config\r\r");
            assertThat(out).isEqualTo("copy running-config startup-config\r\nDestination filename [startup-config]? "
                    + "\r\nBuilding configuration...\r\n[OK]\r\nR1#");
            assertThat(t.device().startupConfig().read())
                    .hasValueSatisfying(s -> assertThat(s).contains("hostname R1"));
        }

        @Test
        void crLfAnswersAQuestionOnce() {
            // §0.1: Netmiko telnet ends every line with CR LF; the LF must not answer the next question or prompt.
            CliTester t = CliTester.user(dir);
            assertThat(t.text("enable\r\ncisco\r\n")).isEqualTo("enable\r\nPassword: \r\nR1#");
            assertThat(t.text("copy running-config startup-config\r\n\r\n"))
                    .isEqualTo("copy running-config startup-config\r\nDestination filename [startup-config]? "
                            + "\r\nBuilding configuration...\r\n[OK]\r\nR1#");
        }

        @Test
        void buffersTypingWhileACommandIsStillRunning() {
            // §0.6: input typed while a command runs is consumed by the next prompt, in order.
            ArrayDeque<Runnable> fileIo = new ArrayDeque<>();
            CliTester t = CliTester.privileged(dir, fileIo::add);
            String during = t.text("write memory\rshow privilege\rshow clock\r");
            assertThat(during).startsWith("write memory\r\n").doesNotContain("R1#").doesNotContain("privilege level");
            while (!fileIo.isEmpty()) {
                fileIo.poll().run();
            }
            String after = t.terminal().take();
            assertThat(during + after).isEqualTo("write memory\r\nBuilding configuration...\r\n[OK]\r\n"
                    + "R1#show privilege\r\nCurrent privilege level is 15\r\n"
                    + "R1#show clock\r\n*10:00:00.000 UTC Fri Nov 27 2026\r\nR1#");
        }

        @Test
        void queuesTypingDuringPagingForThePrompt() {
            CliTester t = CliTester.privileged(dir);
            t.text("terminal length 5\r");
            String out = t.text("show running-config\rqshow privilege\r");
            assertThat(out).endsWith("R1#show privilege\r\nCurrent privilege level is 15\r\nR1#");
        }

        @Test
        void netmikoSessionPreparationSequence() {
            // automation-clients §1.1: "terminal width 511\n", "terminal length 0\n", then a bare "\n".
            CliTester t = CliTester.privileged(dir);
            assertThat(t.text("\nterminal width 511\nterminal length 0\n\n"))
                    .isEqualTo("\r\nR1#terminal width 511\r\nR1#terminal length 0\r\nR1#\r\nR1#");
        }
    }

    @Nested
    class LineEditorKeys {

        @Test
        void upArrowRecallsThePreviousCommand() {
            CliTester t = CliTester.privileged(dir);
            t.text("show privilege\r");
            String out = t.type("<UP>\r");
            assertThat(out).contains("show privilege").endsWith("\r\nCurrent privilege level is 15\r\nR1#");
        }

        @Test
        void ctrlPRecallsLikeUp() {
            CliTester t = CliTester.privileged(dir);
            t.text("show privilege\r");
            assertThat(t.type("<C-p>\r")).endsWith("Current privilege level is 15\r\nR1#");
        }

        @Test
        void tabCompletesAUniquePrefix() {
            CliTester t = CliTester.privileged(dir);
            String out = t.type("sh priv<TAB>");
            assertThat(out).startsWith("sh priv").contains("ilege");
            assertThat(t.text("\r")).endsWith("\r\nCurrent privilege level is 15\r\nR1#");
            assertThat(t.text("show history\r")).contains("  sh privilege");
        }

        @Test
        void tabRingsTheBellOnAnAmbiguousPrefix() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.type("sh in<TAB>")).isEqualTo("sh in\u0007");
        }

        @Test
        void ctrlAAndCtrlEMoveToTheEnds() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.type("privilege<C-a>show <C-e>\r")).endsWith("Current privilege level is 15\r\nR1#");
        }

        @Test
        void ctrlKKillsToTheEnd() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.type("show privilege junk<LEFT><LEFT><LEFT><LEFT><LEFT><C-k>\r"))
                    .endsWith("Current privilege level is 15\r\nR1#");
        }

        @Test
        void ctrlUKillsTheWholeLine() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.type("garbage here<C-u>show privilege\r")).endsWith("Current privilege level is 15\r\nR1#");
        }

        @Test
        void ctrlWDeletesTheWordBeforeTheCursor() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.type("show privxx<C-w>privilege\r")).endsWith("\r\nCurrent privilege level is 15\r\nR1#");
        }

        @Test
        void backspaceAndDelEdit() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.type("show privilegx<DEL>e\r")).endsWith("\r\nCurrent privilege level is 15\r\nR1#");
            assertThat(t.type("show privilegx<BS>e\r")).endsWith("\r\nCurrent privilege level is 15\r\nR1#");
        }

        @Test
        void ctrlBFMoveAndCtrlDDeletes() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.type("show pprivilege<C-a><C-f><C-f><C-f><C-f><C-f><C-d>\r"))
                    .endsWith("\r\nCurrent privilege level is 15\r\nR1#");
            assertThat(t.type("show privilegeX<C-b><C-b><C-f><C-d>\r")).startsWith("show privilegeX")
                    .endsWith("\r\nCurrent privilege level is 15\r\nR1#");
            assertThat(t.type("show privilegeX<C-b><C-b><C-d>\r")).contains("% Invalid input").endsWith("R1#");
        }

        @Test
        void ctrlYYanksWhatWasKilled() {
            CliTester t = CliTester.privileged(dir);
            assertThat(t.type("show privilege<C-w><C-y>\r")).endsWith("\r\nCurrent privilege level is 15\r\nR1#");
        }

        @Test
        void historyIsPerSession() {
            CliTester t = CliTester.privileged(dir);
            t.text("show clock\r");
            CliTester.Peer other = t.openPeer("admin", 15, "10.0.0.3");
            assertThat(other.text("show history\r")).isEqualTo("show history\r\n  show history\r\nR1#");
        }

        @Test
        void ctrlCaretBreaksLikeCtrlC() {
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\r");
            assertThat(t.type("hostname X<C-^>")).endsWith("R1#");
            assertThat(t.text("show privilege\r")).isEqualTo("show privilege\r\nCurrent privilege level is 15\r\nR1#");
        }

        @Test
        void ctrlCAbandonsTheLine() {
            CliTester t = CliTester.privileged(dir);
            t.text("conf t\r");
            assertThat(t.type("hostname X<C-c>")).endsWith("R1#");
            assertThat(t.device().config().hostname()).isEqualTo("R1");
        }
    }
}
