package dev.ioslab.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a key left out becomes. */
class DefaultsTest {

    private final ConfigLoader loader = new ConfigLoader(6);

    @Test
    void emptyFileGivesDefaultDaemonNoDevicesAndTheImageRepository() throws ConfigException {
        IoslabConfig config = loader.parse("", "empty.yaml");

        assertThat(config.devices()).isEmpty();
        assertThat(config.daemon()).isEqualTo(new DaemonSettings(Path.of("var"), Path.of("conf/logback.xml"), 6,
                "127.0.0.1", Duration.ofSeconds(30), 6, Duration.ofSeconds(3)));
        assertThat(config.imageRepository()).isEqualTo(
                new ImageRepositorySettings(true, "127.0.0.1", 2121, 6969, Path.of("var/images")));
        assertThat(config.control()).isEqualTo(ControlSettings.DISABLED);
        assertThat(config.control().enabled()).isFalse();
    }

    @Test
    void minimalDeviceGetsC3945HardwareAndTheDaemonBindAddress() throws ConfigException {
        IoslabConfig config = loader.parse("""
                daemon:
                  bindAddress: 127.0.0.5
                devices:
                  - { name: core, sshPort: 2201, telnetPort: 2301 }
                """, "minimal.yaml");

        DeviceSpec device = config.devices().get(0);
        assertThat(device.address()).isEqualTo("127.0.0.5");
        assertThat(config.imageRepository().address()).isEqualTo("127.0.0.5");
        assertThat(device.users()).isEmpty();
        assertThat(device.enableSecret()).isNull();
        assertThat(device.startupConfig()).isEmpty();
        PlatformSpec platform = device.platform();
        assertThat(platform.model()).isEqualTo("CISCO3945-CHASSIS");
        assertThat(platform.mainMemoryKb()).isEqualTo(2_027_520);
        assertThat(platform.ioMemoryKb()).isEqualTo(69_632);
        assertThat(platform.nvramBytes()).isEqualTo(262_136);
        assertThat(platform.flash()).extracting(FlashSpec::name)
                .containsExactly("flash0", "flash1", "usbflash0", "usbflash1");
        assertThat(platform.flash().get(0).sizeBytes()).isEqualTo(256_487_424);
    }

    @Test
    void processorBoardIdIsDerivedFromTheNameStablyAndLooksLikeCiscos() throws ConfigException {
        String yaml = """
                devices:
                  - { name: r1, sshPort: 2201, telnetPort: 2301 }
                  - { name: r2, sshPort: 2202, telnetPort: 2302 }
                """;

        List<String> first = loader.parse(yaml, "a.yaml").devices().stream()
                .map(device -> device.platform().processorBoardId()).toList();
        List<String> second = loader.parse(yaml, "b.yaml").devices().stream()
                .map(device -> device.platform().processorBoardId()).toList();

        assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
        assertThat(first).allSatisfy(id -> assertThat(id).matches("FGL1[0-9](0[1-9]|[1-4][0-9]|5[0-2])[0-9A-Z]{4}"));
    }

    @Test
    void explicitPlatformReplacesTheDefaults() throws ConfigException {
        IoslabConfig config = loader.parse("""
                devices:
                  - name: small
                    sshPort: 2201
                    telnetPort: 2301
                    platform:
                      model: CISCO3925-CHASSIS
                      processorBoardId: FTX1234ABCD
                      mainMemoryKb: 1048576
                      ioMemoryKb: 32768
                      nvramBytes: 131072
                      flash:
                        - { name: flash0, sizeBytes: 128000000 }
                """, "platform.yaml");

        assertThat(config.devices().get(0).platform()).isEqualTo(new PlatformSpec("CISCO3925-CHASSIS",
                "FTX1234ABCD", 1_048_576, 32_768, List.of(new FlashSpec("flash0", 128_000_000)), 131_072));
    }

    @Test
    void startupConfigAcceptsAListOrABlockOfLines() throws ConfigException {
        IoslabConfig config = loader.parse("""
                devices:
                  - name: listed
                    sshPort: 2201
                    telnetPort: 2301
                    startupConfig:
                      - interface GigabitEthernet0/0
                      - " ip address 192.0.2.1 255.255.255.0"
                  - name: block
                    sshPort: 2202
                    telnetPort: 2302
                    startupConfig: |
                      interface GigabitEthernet0/0
                       ip address 192.0.2.1 255.255.255.0
                """, "startup.yaml");

        List<String> expected = List.of("interface GigabitEthernet0/0", " ip address 192.0.2.1 255.255.255.0");
        assertThat(config.devices()).extracting(DeviceSpec::startupConfig).containsExactly(expected, expected);
    }

    @Test
    void loginTimeoutAcceptsSecondsUnitsAndIso8601() throws ConfigException {
        assertThat(loginTimeout("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(loginTimeout("1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(loginTimeout("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(loginTimeout("PT10S")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void userWithoutPrivilegeGetsLevelOneAsIosDoes() throws ConfigException {
        IoslabConfig config = loader.parse("""
                devices:
                  - name: r1
                    sshPort: 2201
                    telnetPort: 2301
                    users: [{ name: ops, secret: "1234" }, { name: root, privilege: 0, secret: 99 }]
                """, "users.yaml");

        assertThat(config.devices().get(0).users())
                .containsExactly(new UserSpec("ops", 1, "1234"), new UserSpec("root", 0, "99"));
    }

    @Test
    void printedConfigurationNeverShowsSecrets() throws ConfigException {
        IoslabConfig config = loader.parse("""
                devices:
                  - name: r1
                    sshPort: 2201
                    telnetPort: 2301
                    users: [{ name: admin, privilege: 15, secret: s3cr3t-user }]
                    enableSecret: s3cr3t-enable
                    startupConfig: ["username x secret s3cr3t-line"]
                """, "secrets.yaml");

        assertThat(config.toString()).contains("admin").doesNotContain("s3cr3t");
    }

    @Test
    void ipv6AddressesAreAcceptedAndWrittenCanonically() throws ConfigException {
        IoslabConfig config = loader.parse("""
                daemon: { bindAddress: "0:0:0:0:0:0:0:1" }
                devices:
                  - { name: r1, address: "FD00:0:0:0::10", sshPort: 2201, telnetPort: 2301 }
                """, "v6.yaml");

        assertThat(config.daemon().bindAddress()).isEqualTo("::1");
        assertThat(config.devices().get(0).address()).isEqualTo("fd00::10");
    }

    private Duration loginTimeout(String value) throws ConfigException {
        return loader.parse("daemon: { loginTimeout: " + value + " }", "timeout.yaml").daemon().loginTimeout();
    }
}
