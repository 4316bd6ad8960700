package dev.ioslab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code daemon.sharedListeners}: one SSH and one Telnet port for the rack, devices told apart by address. */
class SharedListenersConfigTest {

    private final ConfigLoader loader = new ConfigLoader(2);

    @Test
    void aTemplateCountsAddressesAndEveryDeviceAnswersOnTheSharedPorts() throws ConfigException {
        IoslabConfig config = loader.parse("""
                daemon:
                  sharedListeners: { address: 0.0.0.0, sshPort: 2222, telnetPort: 2323 }
                devices:
                  - { name: "r{n}", count: 100000, address: 127.1.0.1 }
                """, "rack.yaml");

        assertThat(config.daemon().sharedListeners()).contains(new SharedListeners("0.0.0.0", 2222, 2323));
        List<DeviceSpec> devices = config.devices();
        assertThat(devices).hasSize(100_000);
        assertThat(devices.get(0)).extracting(DeviceSpec::name, DeviceSpec::address, DeviceSpec::sshPort,
                DeviceSpec::telnetPort).containsExactly("r1", "127.1.0.1", 2222, 2323);
        assertThat(devices.get(99_999).address()).isEqualTo("127.2.134.160");
    }

    @Test
    void withoutTheSectionEveryDeviceKeepsListenersOfItsOwn() throws ConfigException {
        IoslabConfig config = loader.parse("devices: [{ name: r1, sshPort: 2201, telnetPort: 2301 }]\n", "a.yaml");

        assertThat(config.daemon().sharedListeners()).isEqualTo(Optional.empty());
    }

    @Test
    void theAddressMustBeWrittenOutAndPortsAreRequired() {
        ConfigException failure = catchThrowableOfType(() -> loader.parse("""
                daemon:
                  sharedListeners: { sshPort: 2222 }
                devices:
                  - { name: r1, address: 127.0.0.1 }
                """, "lab.yaml"), ConfigException.class);

        assertThat(failure.problems()).containsExactly(
                "lab.yaml:2:20: daemon.sharedListeners.address: missing; the address both shared listeners bind: "
                        + "0.0.0.0 (every interface, needed when the devices have different addresses) or the one "
                        + "address of a single device",
                "lab.yaml:2:20: daemon.sharedListeners.telnetPort: missing; a TCP port 1..65535 every device "
                        + "answers Telnet on");
    }

    @Test
    void devicePortsPortCountingAndSharedAddressesAreRefusedByField() {
        ConfigException failure = catchThrowableOfType(() -> loader.parse("""
                daemon:
                  sharedListeners: { address: 0.0.0.0, sshPort: 2222, telnetPort: 2323 }
                devices:
                  - { name: r1, address: 127.0.0.1, sshPort: 2201 }
                  - { name: "e{n}", count: 2, countUp: ports, address: 127.0.0.5 }
                  - { name: w1, address: 0.0.0.0 }
                  - { name: r2, address: 127.0.0.7 }
                  - { name: r3, address: 127.0.0.7 }
                """, "lab.yaml"), ConfigException.class);

        assertThat(failure.problems()).hasSize(4);
        assertThat(failure.problems().get(0)).startsWith("lab.yaml:4:").contains("devices[0].sshPort: not used with "
                + "daemon.sharedListeners: every device answers on port 2222 of its own address; remove it");
        assertThat(failure.problems().get(1)).contains("devices[1].countUp: with daemon.sharedListeners the devices "
                + "share the ports, so a template counts up addresses");
        assertThat(failure.problems().get(2)).contains("devices[2].address: '0.0.0.0' is a wildcard");
        assertThat(failure.problems().get(3)).isEqualTo("lab.yaml:8:26: devices[4].address: address 127.0.0.7 of "
                + "devices[4] 'r3' is already the address of devices[3] 'r2'; with daemon.sharedListeners every device "
                + "needs an address of its own");
    }

    @Test
    void aSharedPortIsCheckedAgainstTheImageRepositoryAndTheControlApi() {
        ConfigException failure = catchThrowableOfType(() -> loader.parse("""
                daemon:
                  sharedListeners: { address: 0.0.0.0, sshPort: 2121, telnetPort: 2280 }
                imageRepository: { address: 127.0.0.1, ftpPort: 2121, tftpPort: 6969 }
                control: { enabled: true, address: 127.0.0.1, port: 2280 }
                devices:
                  - { name: r1, address: 127.0.0.1 }
                """, "lab.yaml"), ConfigException.class);

        assertThat(failure.problems()).hasSize(2);
        assertThat(failure.problems()).anySatisfy(p -> assertThat(p).contains("imageRepository.ftpPort",
                "daemon.sharedListeners.sshPort", "2121"));
        assertThat(failure.problems()).anySatisfy(p -> assertThat(p).contains("control.port",
                "daemon.sharedListeners.telnetPort", "2280"));
    }

    @Test
    void aSpecificListenerAddressServesOnlyTheDeviceOnIt() {
        ConfigException failure = catchThrowableOfType(() -> loader.parse("""
                daemon:
                  sharedListeners: { address: 127.0.0.1, sshPort: 2222, telnetPort: 2323 }
                devices:
                  - { name: r1, address: 127.0.0.2 }
                """, "lab.yaml"), ConfigException.class);

        assertThat(failure.problems()).singleElement().asString().contains("devices[0].address: the shared "
                + "listeners bind only 127.0.0.1, so a device on 127.0.0.2 is unreachable; set "
                + "daemon.sharedListeners.address to 0.0.0.0 (every interface)");
    }
}
