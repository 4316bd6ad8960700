package dev.ioslab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An entry with {@code count} is a template that expands into numbered devices. */
class TemplateExpansionTest {

    private final ConfigLoader loader = new ConfigLoader(2);

    @Test
    void fiveLinesMakeARackOfAThousandWithPortsCountingUp() throws ConfigException {
        String yaml = """
                devices:
                  - name: "r{n}"
                    count: 1000
                    sshPort: 22001
                    telnetPort: 23001
                    users: [{ name: admin, privilege: 15, secret: admin }]
                """;

        List<DeviceSpec> devices = loader.parse(yaml, "rack.yaml").devices();

        assertThat(devices).hasSize(1000);
        assertThat(devices.get(0)).extracting(DeviceSpec::name, DeviceSpec::address, DeviceSpec::sshPort,
                DeviceSpec::telnetPort).containsExactly("r1", "127.0.0.1", 22001, 23001);
        assertThat(devices.get(999)).extracting(DeviceSpec::name, DeviceSpec::address, DeviceSpec::sshPort,
                DeviceSpec::telnetPort).containsExactly("r1000", "127.0.0.1", 23000, 24000);
        assertThat(devices).allSatisfy(device ->
                assertThat(device.users()).containsExactly(new UserSpec("admin", 15, "admin")));
        assertThat(devices).extracting(device -> device.platform().processorBoardId()).doesNotHaveDuplicates();
    }

    @Test
    void countUpAddressGivesEachDeviceItsOwnAddressAtFixedPorts() throws ConfigException {
        List<DeviceSpec> devices = loader.parse("""
                devices:
                  - { name: "edge{n}", count: 300, countUp: address, address: 127.0.1.1, sshPort: 22, telnetPort: 23 }
                """, "edge.yaml").devices();

        assertThat(devices).hasSize(300);
        assertThat(devices).extracting(DeviceSpec::sshPort).containsOnly(22);
        assertThat(devices).extracting(DeviceSpec::telnetPort).containsOnly(23);
        assertThat(devices.subList(0, 3)).extracting(DeviceSpec::name, DeviceSpec::address).containsExactly(
                tuple("edge1", "127.0.1.1"),
                tuple("edge2", "127.0.1.2"),
                tuple("edge3", "127.0.1.3"));
        // Counting carries over octets like a number: .255 is followed by the next /24's .0.
        assertThat(devices.get(254).address()).isEqualTo("127.0.1.255");
        assertThat(devices.get(255).address()).isEqualTo("127.0.2.0");
    }

    @Test
    void firstSetsTheNumberOfTheFirstDeviceAndNumbersGoIntoStartupConfig() throws ConfigException {
        List<DeviceSpec> devices = loader.parse("""
                devices:
                  - name: "lab-{n}.pe"
                    count: 2
                    first: 7
                    sshPort: 2207
                    telnetPort: 2307
                    startupConfig:
                      - interface Loopback0
                      - " ip address 10.0.0.{n} 255.255.255.255"
                """, "first.yaml").devices();

        assertThat(devices).extracting(DeviceSpec::name).containsExactly("lab-7.pe", "lab-8.pe");
        assertThat(devices).extracting(DeviceSpec::sshPort).containsExactly(2207, 2208);
        assertThat(devices.get(1).startupConfig())
                .containsExactly("interface Loopback0", " ip address 10.0.0.8 255.255.255.255");
    }

    @Test
    void templatesAndSingleDevicesMixInFileOrder() throws ConfigException {
        List<DeviceSpec> devices = loader.parse("""
                devices:
                  - { name: core, sshPort: 2200, telnetPort: 2300 }
                  - { name: "r{n}", count: 2, sshPort: 2201, telnetPort: 2301 }
                  - { name: "edge{n}", count: 2, countUp: address, address: 127.0.1.1, sshPort: 22, telnetPort: 23 }
                """, "mixed.yaml").devices();

        assertThat(devices).extracting(DeviceSpec::name).containsExactly("core", "r1", "r2", "edge1", "edge2");
    }

    @Test
    void aRackOfAHundredThousandExpands() throws ConfigException {
        List<DeviceSpec> devices = loader.parse("""
                devices:
                  - { name: "r{n}", count: 100000, countUp: address, address: 127.1.0.1, sshPort: 22, telnetPort: 23 }
                """, "huge.yaml").devices();

        assertThat(devices).hasSize(100_000);
        assertThat(devices.get(99_999).address()).isEqualTo("127.2.134.160");
    }
}
