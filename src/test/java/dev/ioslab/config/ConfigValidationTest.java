package dev.ioslab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every configuration mistake is reported with file, line, column and field path, and all of them at once. */
class ConfigValidationTest {

    private final ConfigLoader loader = new ConfigLoader(2);

    @Test
    void unknownKeyIsNamedWithASuggestionAndTheAllowedKeys() {
        List<String> problems = problemsOf("""
                devices:
                  - name: r1
                    sshPort: 2201
                    telnetPort: 2301
                    sshport: 2202
                """);

        assertThat(problems).containsExactly("lab.yaml:5:5: devices[0].sshport: unknown key 'sshport' (did you mean "
                + "'sshPort'?); allowed keys: name, platform, address, sshPort, telnetPort, users, enableSecret, "
                + "startupConfig, count, first, countUp");
    }

    @Test
    void transferSettingsAreCheckedAgainstTheirRanges() {
        assertThat(problemsOf("""
                transfers:
                  tftpWindowSize: 0
                  replyTimeout: 10ms
                """)).containsExactly(
                "lab.yaml:2:19: transfers.tftpWindowSize: 0 is out of range; allowed: 1..64",
                "lab.yaml:3:17: transfers.replyTimeout: 10ms is out of range; allowed: a duration 100ms..3600s such as "
                        + "30s, 500ms, 2m, 1h or PT30S");
    }

    @Test
    void unknownTopLevelKeyListsTheSections() {
        assertThat(problemsOf("servers: []\n")).containsExactly(
                "lab.yaml:1:1: servers: unknown key 'servers'; allowed keys: daemon, devices, imageRepository, "
                        + "transfers, control");
    }

    @Test
    void wrongTypeSaysWhatWasExpectedAndWhatWasFound() {
        List<String> problems = problemsOf("""
                daemon:
                  ioThreads: "4"
                  loginTimeout: soon
                imageRepository:
                  enabled: sometimes
                devices:
                  - { name: r1, sshPort: [2201], telnetPort: 2301, users: admin }
                """);

        assertThat(problems).containsExactly(
                "lab.yaml:2:14: daemon.ioThreads: expected an integer 1..1024, got a string '4' "
                        + "(write it without quotes)",
                "lab.yaml:3:17: daemon.loginTimeout: expected a duration 1s..3600s such as 30s, 500ms, 2m, 1h or "
                        + "PT30S, got a string 'soon'",
                "lab.yaml:5:12: imageRepository.enabled: expected true or false, got a string 'sometimes'",
                "lab.yaml:7:26: devices[0].sshPort: expected an integer 1..65535, got a list",
                "lab.yaml:7:59: devices[0].users: expected a list of { name, privilege, secret } entries, "
                        + "got a string 'admin'");
    }

    @Test
    void portOutOfRangeIsRejectedEverywhere() {
        List<String> problems = problemsOf("""
                imageRepository:
                  ftpPort: 0
                  tftpPort: 65536
                devices:
                  - name: r1
                    sshPort: 70000
                    telnetPort: -1
                """);

        assertThat(problems).containsExactly(
                "lab.yaml:2:12: imageRepository.ftpPort: 0 is out of range; allowed: 1..65535",
                "lab.yaml:3:13: imageRepository.tftpPort: 65536 is out of range; allowed: 1..65535",
                "lab.yaml:6:14: devices[0].sshPort: 70000 is out of range; allowed: 1..65535",
                "lab.yaml:7:17: devices[0].telnetPort: -1 is out of range; allowed: 1..65535");
    }

    @Test
    void privilegeOutOfRangeIsRejected() {
        List<String> problems = problemsOf("""
                devices:
                  - name: r1
                    sshPort: 2201
                    telnetPort: 2301
                    users:
                      - { name: admin, privilege: 16, secret: admin }
                      - { name: guest, privilege: -1, secret: guest }
                """);

        assertThat(problems).containsExactly(
                "lab.yaml:6:35: devices[0].users[0].privilege: 16 is out of range; allowed: 0..15",
                "lab.yaml:7:35: devices[0].users[1].privilege: -1 is out of range; allowed: 0..15");
    }

    @Test
    void userWithoutSecretIsRejectedBecauseThereIsNoDefaultPassword() {
        assertThat(problemsOf("""
                devices:
                  - { name: r1, sshPort: 2201, telnetPort: 2301, users: [{ name: admin, privilege: 15 }] }
                """)).containsExactly("lab.yaml:2:58: devices[0].users[0].secret: missing; every user needs a "
                + "secret (its password); there is no default");
    }

    @Test
    void duplicateDeviceNameIsRejectedIgnoringCase() {
        List<String> problems = problemsOf("""
                devices:
                  - { name: r1, sshPort: 2201, telnetPort: 2301 }
                  - { name: R1, sshPort: 2202, telnetPort: 2302 }
                """);

        assertThat(problems).containsExactly("lab.yaml:3:13: devices[1].name: duplicate device name: devices[1] "
                + "'R1' has the name of devices[0] 'r1' (names are compared ignoring case)");
    }

    @Test
    void templateNameClashIsReportedOnceWithACount() {
        List<String> problems = problemsOf("""
                devices:
                  - { name: "r{n}", count: 10, sshPort: 2201, telnetPort: 2301 }
                  - { name: "r{n}", count: 5, first: 6, sshPort: 3201, telnetPort: 3301 }
                """);

        assertThat(problems).containsExactly("lab.yaml:3:13: devices[1].name: duplicate device name: devices[1] "
                + "(template, n=6) 'r6' has the name of devices[0] (template, n=6) 'r6' (names are compared "
                + "ignoring case); 4 more names of the same entries clash the same way");
    }

    @Test
    void duplicateAddressAndPortIsRejectedAcrossSshTelnetAndTheImageRepository() {
        List<String> problems = problemsOf("""
                devices:
                  - { name: r1, sshPort: 2201, telnetPort: 2301 }
                  - { name: r2, sshPort: 2301, telnetPort: 2121 }
                """);

        assertThat(problems).containsExactly(
                "lab.yaml:3:26: devices[1].sshPort: 127.0.0.1:2301 of devices[1] 'r2' sshPort is already taken by "
                        + "devices[0] 'r1' telnetPort (127.0.0.1:2301); every listener needs its own address and "
                        + "port",
                "lab.yaml:3:44: devices[1].telnetPort: 127.0.0.1:2121 of devices[1] 'r2' telnetPort is already "
                        + "taken by imageRepository.ftpPort (127.0.0.1:2121); every listener needs its own address "
                        + "and port");
    }

    @Test
    void samePortOnDifferentAddressesIsFineButAWildcardClashesWithAll() throws ConfigException {
        IoslabConfig config = loader.parse("""
                devices:
                  - { name: r1, address: 127.0.0.1, sshPort: 22, telnetPort: 23 }
                  - { name: r2, address: 127.0.0.2, sshPort: 22, telnetPort: 23 }
                """, "lab.yaml");
        assertThat(config.devices()).hasSize(2);

        assertThat(problemsOf("""
                devices:
                  - { name: r1, address: 127.0.0.1, sshPort: 22, telnetPort: 23 }
                  - { name: r2, address: 0.0.0.0, sshPort: 22, telnetPort: 2323 }
                """)).containsExactly("lab.yaml:3:44: devices[1].sshPort: 0.0.0.0:22 of devices[1] 'r2' sshPort "
                + "is already taken by devices[0] 'r1' sshPort (127.0.0.1:22); every listener needs its own address "
                + "and port");
    }

    @Test
    void disabledImageRepositoryFreesItsPorts() throws ConfigException {
        IoslabConfig config = loader.parse("""
                imageRepository: { enabled: false }
                devices:
                  - { name: r1, sshPort: 2121, telnetPort: 6969 }
                """, "lab.yaml");

        assertThat(config.devices()).extracting(DeviceSpec::sshPort).containsExactly(2121);
    }

    @Test
    void badIpAddressIsRejectedWithoutAskingDns() {
        List<String> problems = problemsOf("""
                daemon: { bindAddress: 127.0.0.256 }
                imageRepository: { address: "fe80::1%eth0" }
                devices:
                  - { name: r1, address: localhost, sshPort: 2201, telnetPort: 2301 }
                """);

        assertThat(problems).containsExactly(
                "lab.yaml:1:24: daemon.bindAddress: '127.0.0.256' is not an IPv4 address; each of the four numbers "
                        + "must be 0..255 without leading zeros",
                "lab.yaml:2:29: imageRepository.address: 'fe80::1%eth0' is not an IPv6 address; write eight groups "
                        + "of up to four hex digits separated by colons, with at most one '::', such as ::1 (zone "
                        + "ids like %eth0 are not allowed)",
                "lab.yaml:4:26: devices[0].address: 'localhost' is not an IP address; write a literal IPv4 or IPv6 "
                        + "address such as 127.0.0.1 (host names are not resolved)");
    }

    @Test
    void brokenAddressCausesNoFalseClashes() {
        assertThat(problemsOf("""
                imageRepository: { address: [127.0.0.1] }
                devices:
                  - { name: r1, sshPort: 2201, telnetPort: 2301 }
                  - { name: r2, address: 127.0.0.one, sshPort: 2201, telnetPort: 2121 }
                """)).containsExactly(
                "lab.yaml:1:29: imageRepository.address: expected a text value, got a list",
                "lab.yaml:4:26: devices[1].address: '127.0.0.one' is not an IP address; write a literal IPv4 or IPv6 "
                        + "address such as 127.0.0.1 (host names are not resolved)");
    }

    @Test
    void nameNotMatchingThePatternIsRejected() {
        List<String> problems = problemsOf("""
                devices:
                  - { name: 1router, sshPort: 2201, telnetPort: 2301 }
                  - { name: "../etc", sshPort: 2202, telnetPort: 2302 }
                  - { name: "r{n}x{n}-very-long-name-that-goes-on-and-on-and-on-and-on-and-on-ok", count: 10,
                      sshPort: 2203, telnetPort: 2303 }
                """);

        String allowed = "is not a valid device name; allowed: a letter, then up to 62 letters, digits, '.', '_' or "
                + "'-' (pattern [A-Za-z][A-Za-z0-9._-]{0,62})";
        assertThat(problems).containsExactly(
                "lab.yaml:2:13: devices[0].name: '1router' " + allowed,
                "lab.yaml:3:13: devices[1].name: '../etc' " + allowed,
                "lab.yaml:4:13: devices[2].name: 'r10x10-very-long-name-that-goes-on-and-on-and-on-and-on-and-on-ok' "
                        + allowed);
    }

    @Test
    void missingNameAndPortsAreReportedAtTheEntry() {
        List<String> problems = problemsOf("""
                devices:
                  - sshPort: 2201
                    telnetPort: 2301
                  - name: r2
                """);

        assertThat(problems).containsExactly(
                "lab.yaml:2:5: devices[0].name: missing; every device needs a name such as r1 (a template: r{n})",
                "lab.yaml:4:5: devices[1].sshPort: missing; a TCP port 1..65535 for the SSH listener",
                "lab.yaml:4:5: devices[1].telnetPort: missing; a TCP port 1..65535 for the Telnet listener");
    }

    @Test
    void countOutsideOneToAHundredThousandIsRejected() {
        List<String> problems = problemsOf("""
                devices:
                  - { name: "a{n}", count: 0, sshPort: 2201, telnetPort: 2301 }
                  - { name: "b{n}", count: 100001, sshPort: 3201, telnetPort: 3301 }
                """);

        assertThat(problems).containsExactly(
                "lab.yaml:2:28: devices[0].count: 0 is out of range; allowed: 1..100000",
                "lab.yaml:3:28: devices[1].count: 100001 is out of range; allowed: 1..100000");
    }

    @Test
    void templateMistakesAreExplained() {
        List<String> problems = problemsOf("""
                devices:
                  - { name: rack, count: 3, sshPort: 2201, telnetPort: 2301 }
                  - { name: "r{n}", sshPort: 2401, telnetPort: 2501 }
                  - { name: "s{n}", first: 5, sshPort: 2601, telnetPort: 2701 }
                  - { name: "t{n}", count: 2, countUp: both, sshPort: 2801, telnetPort: 2901 }
                  - { name: "u{n}", count: 2, sshPort: 3001, telnetPort: 3101, platform: { processorBoardId: X1 } }
                """);

        assertThat(problems).containsExactly(
                "lab.yaml:2:13: devices[0].name: 'rack' has no {n}; a template (an entry with count) needs {n} in "
                        + "its name, where each device's number goes, such as r{n}",
                "lab.yaml:3:13: devices[1].name: 'r{n}' uses {n} but the entry has no count; add 'count: N' to "
                        + "make it a template, or write the name out",
                "lab.yaml:4:13: devices[2].name: 's{n}' uses {n} but the entry has no count; add 'count: N' to "
                        + "make it a template, or write the name out",
                "lab.yaml:4:28: devices[2].first: only allowed in a template; add 'count: N' to make this entry "
                        + "one, or remove 'first'",
                "lab.yaml:5:40: devices[3].countUp: 'both' is not allowed; allowed: ports, address",
                "lab.yaml:6:94: devices[4].platform.processorBoardId: not allowed in a template, where every "
                        + "device would share one serial number; leave it out and each device derives its own from "
                        + "its name");
    }

    @Test
    void countingPastTheLastPortIsRejectedAtThePort() {
        assertThat(problemsOf("""
                devices:
                  - { name: "r{n}", count: 1000, sshPort: 65000, telnetPort: 2301 }
                """)).containsExactly("lab.yaml:2:43: devices[0].sshPort: counting up from 65000 for 1000 devices "
                + "reaches 65999, past 65535; lower the port or the count, or use countUp: address");
    }

    @Test
    void templateOverlappingItselfIsReportedOnceWithACount() {
        assertThat(problemsOf("""
                devices:
                  - { name: "r{n}", count: 200, sshPort: 2201, telnetPort: 2301 }
                """)).containsExactly("lab.yaml:2:42: devices[0].sshPort: 127.0.0.1:2301 of devices[0] (template, "
                + "n=101) 'r101' sshPort is already taken by devices[0] (template, n=1) 'r1' telnetPort "
                + "(127.0.0.1:2301); every listener needs its own address and port; 99 more listeners of the same "
                + "entries clash the same way");
    }

    @Test
    void platformValuesAreChecked() {
        List<String> problems = problemsOf("""
                devices:
                  - name: r1
                    sshPort: 2201
                    telnetPort: 2301
                    platform:
                      model: CISCO2911
                      flash:
                        - { name: flash0, sizeBytes: 100 }
                        - { name: Flash1, sizeBytes: 256487424 }
                        - { name: nvram, sizeBytes: 262136 }
                """);

        assertThat(problems).containsExactly(
                "lab.yaml:6:14: devices[0].platform.model: 'CISCO2911' is not a supported model; allowed: "
                        + "CISCO3925-CHASSIS, CISCO3945-CHASSIS, CISCO3925E-CHASSIS, CISCO3945E-CHASSIS",
                "lab.yaml:8:38: devices[0].platform.flash[0].sizeBytes: 100 is out of range; allowed: "
                        + "65536..1099511627776",
                "lab.yaml:9:19: devices[0].platform.flash[1].name: 'Flash1' is not a valid file system name; "
                        + "allowed: lower-case letters then digits, such as flash0 or usbflash1",
                "lab.yaml:10:19: devices[0].platform.flash[2].name: 'nvram' is not a flash file system; set its "
                        + "size with platform.nvramBytes");
    }

    @Test
    void repeatedKeyIsReportedWithTheLineOfTheFirst() {
        assertThat(problemsOf("""
                devices:
                  - name: r1
                    sshPort: 2201
                    telnetPort: 2301
                    sshPort: 2202
                """)).containsExactly(
                "lab.yaml:5:5: devices[0].sshPort: key 'sshPort' appears twice; the first is at line 3");
    }

    @Test
    void yamlSyntaxErrorNamesItsLineAndColumn() {
        assertThat(problemsOf("""
                devices:
                  - name: r1
                   sshPort: 2201
                """)).singleElement().asString()
                .startsWith("lab.yaml:3:")
                .contains("YAML syntax error: ");
    }

    @Test
    void aliasIsRejectedRatherThanReadAsItsName() {
        assertThat(problemsOf("""
                devices:
                  - { name: r1, sshPort: 2201, telnetPort: 2301, users: [{ name: a, secret: &pw hunter2 }] }
                  - { name: r2, sshPort: 2202, telnetPort: 2302, users: [{ name: a, secret: *pw }] }
                """)).containsExactly("lab.yaml:3:77: YAML aliases ('*pw') are not supported; write the value out, "
                + "or use a device template (count) for many similar devices");
    }

    @Test
    void secondYamlDocumentIsRejected() {
        assertThat(problemsOf("daemon: {}\n---\ndevices: []\n")).containsExactly(
                "lab.yaml:3:1: a second YAML document ('---') is not allowed; put everything in one document");
    }

    @Test
    void documentThatIsNotAMappingIsRejected() {
        assertThat(problemsOf("- r1\n- r2\n")).containsExactly("lab.yaml:1:1: the file must be a mapping with the "
                + "keys daemon, devices, imageRepository, transfers, control, got a list");
    }

    @Test
    void everyProblemIsReportedTogetherInFileOrder() {
        ConfigException failure = failureOf("""
                daemon:
                  bindAdress: 127.0.0.1
                devices:
                  - { name: r1, sshPort: 70000, telnetPort: 2301 }
                  - { name: r1, sshPort: 2202, telnetPort: 2301, users: [{ name: a, privilege: 20, secret: x }] }
                """);

        assertThat(failure.problems()).containsExactly(
                "lab.yaml:2:3: daemon.bindAdress: unknown key 'bindAdress' (did you mean 'bindAddress'?); allowed "
                        + "keys: stateDir, logConfig, verificationPoolSize, bindAddress, loginTimeout, ioThreads, "
                        + "bootTime, ssh, descriptorLimit, descriptorHeadroom, maxUnauthenticated, "
                        + "maxUnauthenticatedPerAddress, maxUnauthenticatedPerListener, sharedListeners",
                "lab.yaml:4:26: devices[0].sshPort: 70000 is out of range; allowed: 1..65535",
                "lab.yaml:5:13: devices[1].name: duplicate device name: devices[1] 'r1' has the name of devices[0] "
                        + "'r1' (names are compared ignoring case)",
                "lab.yaml:5:44: devices[1].telnetPort: 127.0.0.1:2301 of devices[1] 'r1' telnetPort is already "
                        + "taken by devices[0] 'r1' telnetPort (127.0.0.1:2301); every listener needs its own "
                        + "address and port",
                "lab.yaml:5:80: devices[1].users[0].privilege: 20 is out of range; allowed: 0..15");
        assertThat(failure.source()).isEqualTo("lab.yaml");
        assertThat(failure.getMessage()).startsWith("Invalid configuration lab.yaml (5 problems):")
                .contains(failure.problems());
    }

    @Test
    void loadNamesTheFileInEveryProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ioslab.yaml");
        Files.writeString(file, "devices:\n  - { name: r1, sshPort: 0, telnetPort: 2301 }\n", StandardCharsets.UTF_8);

        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(failure.problems())
                .containsExactly(file + ":2:26: devices[0].sshPort: 0 is out of range; allowed: 1..65535");
    }

    @Test
    void missingFileIsAProblemNotACrash(@TempDir Path dir) {
        Path file = dir.resolve("absent.yaml");

        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(failure.problems()).singleElement().asString().startsWith(file + ": file not found");
    }

    @Test
    void fileThatIsNotUtf8IsAProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "devices: [] # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(failure.problems()).containsExactly(file + ": not valid UTF-8 text; save the file as UTF-8");
    }

    private List<String> problemsOf(String yaml) {
        return failureOf(yaml).problems();
    }

    private ConfigException failureOf(String yaml) {
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml, "lab.yaml"));
        assertThat(failure).as("expected the configuration to be rejected").isNotNull();
        return failure;
    }
}
