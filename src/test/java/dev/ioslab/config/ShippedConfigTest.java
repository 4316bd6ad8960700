package dev.ioslab.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The configuration the project ships is the default run described in DESIGN.md. */
class ShippedConfigTest {

    /** Surefire runs tests in the module directory, so this is the real file operators edit. */
    private static final Path SHIPPED = Path.of("conf", "ioslab.yaml");

    private final ConfigLoader loader = new ConfigLoader(4);

    @Test
    void shippedConfigDefinesExactlyR1ToR3OnLoopback() throws ConfigException {
        IoslabConfig config = loader.load(SHIPPED);

        assertThat(config.devices()).extracting(DeviceSpec::name).containsExactly("r1", "r2", "r3");
        assertThat(config.devices()).extracting(DeviceSpec::address).containsOnly("127.0.0.1");
        assertThat(config.devices()).extracting(DeviceSpec::sshPort).containsExactly(2201, 2202, 2203);
        assertThat(config.devices()).extracting(DeviceSpec::telnetPort).containsExactly(2301, 2302, 2303);
    }

    @Test
    void shippedDevicesHaveAdminAtPrivilege15AndEnableSecretCisco() throws ConfigException {
        IoslabConfig config = loader.load(SHIPPED);

        for (DeviceSpec device : config.devices()) {
            assertThat(device.users()).containsExactly(new UserSpec("admin", 15, "admin"));
            assertThat(device.enableSecret()).isEqualTo("cisco");
            assertThat(device.startupConfig()).containsExactly("ip scp server enable");
            assertThat(device.platform().model()).isEqualTo("CISCO3945-CHASSIS");
            assertThat(device.platform().flash()).isEqualTo(PlatformSpec.DEFAULT_FLASH);
        }
        assertThat(config.devices()).extracting(device -> device.platform().processorBoardId())
                .doesNotHaveDuplicates();
    }

    @Test
    void shippedImageRepositoryServesVarImagesOnFtp2121AndTftp6969() throws ConfigException {
        ImageRepositorySettings repository = loader.load(SHIPPED).imageRepository();

        assertThat(repository).isEqualTo(
                new ImageRepositorySettings(true, "127.0.0.1", 2121, 6969, Path.of("var", "images")));
    }

    @Test
    void shippedControlApiListensOnLoopback2280WithoutToken() throws ConfigException {
        ControlSettings control = loader.load(SHIPPED).control();

        assertThat(control).isEqualTo(new ControlSettings(true, "127.0.0.1", 2280, Optional.empty()));
    }

    @Test
    void shippedDaemonSettingsKeepTheDefaults() throws ConfigException {
        DaemonSettings daemon = loader.load(SHIPPED).daemon();

        assertThat(daemon).isEqualTo(new DaemonSettings(Path.of("var"), Path.of("conf", "logback.xml"), 4,
                "127.0.0.1", Duration.ofSeconds(30), 4, Duration.ofSeconds(3)));
    }
}
