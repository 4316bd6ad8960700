package dev.ioslab.daemon;

import dev.ioslab.config.ControlSettings;
import dev.ioslab.config.DaemonSettings;
import dev.ioslab.config.DeviceSpec;
import dev.ioslab.config.ImageRepositorySettings;
import dev.ioslab.config.IoslabConfig;
import dev.ioslab.config.PlatformSpec;
import dev.ioslab.config.TransferDefaults;
import dev.ioslab.config.UserSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small rack on 127.0.0.1 with ephemeral ports (port 0), built from configuration records as the loader would
 * produce them: devices {@code r1..rN}, user admin/admin at privilege 15, enable secret cisco.
 */
final class RackFixture implements AutoCloseable {

    final Daemon daemon;

    RackFixture(Path stateDir, int devices) throws IOException {
        this(stateDir, devices, false);
    }

    /** A rack whose image repository (FTP and TFTP on ports 0, serving {@code stateDir/images}) runs when asked. */
    RackFixture(Path stateDir, int devices, boolean imageRepository) throws IOException {
        this(stateDir, devices, imageRepository, ControlSettings.DISABLED);
    }

    /** A rack with the control API as given (e.g. {@link #controlOnLoopback()}: on 127.0.0.1 port 0). */
    RackFixture(Path stateDir, int devices, boolean imageRepository, ControlSettings control) throws IOException {
        List<DeviceSpec> specs = new ArrayList<>();
        for (int i = 1; i <= devices; i++) {
            specs.add(new DeviceSpec("r" + i, new PlatformSpec(PlatformSpec.DEFAULT_MODEL, "FGL16101" + (100 + i),
                    PlatformSpec.DEFAULT_MAIN_MEMORY_KB, PlatformSpec.DEFAULT_IO_MEMORY_KB, PlatformSpec.DEFAULT_FLASH,
                    PlatformSpec.DEFAULT_NVRAM_BYTES), "127.0.0.1", 0, 0,
                    List.of(new UserSpec("admin", 15, "admin")), "cisco", List.of()));
        }
        IoslabConfig config = new IoslabConfig(new DaemonSettings(stateDir, Path.of("conf/logback.xml"), 2,
                "127.0.0.1", Duration.ofSeconds(30), 2, Duration.ofMillis(200)), specs,
                new ImageRepositorySettings(imageRepository, "127.0.0.1", 0, 0, stateDir.resolve("images"), 0, 0,
                        List.of(), false, 64 * 1024),
                TransferDefaults.DEFAULTS, control);
        daemon = new Daemon(config, Path.of("").toAbsolutePath(), Clock.systemUTC());
        daemon.start();
    }

    /** The control API on 127.0.0.1, a free port, with {@code token} when given. */
    static ControlSettings controlOnLoopback(Optional<String> token) {
        return new ControlSettings(true, "127.0.0.1", 0, token);
    }

    /** The control API's base URI, {@code http://127.0.0.1:<port>/api/v1}. */
    URI api() {
        InetSocketAddress a = daemon.controlAddress().orElseThrow();
        return URI.create("http://127.0.0.1:" + a.getPort() + "/api/v1");
    }

    int port(String device, String protocol) {
        return daemon.listeners().stream()
                .filter(l -> l.device().equals(device) && l.protocol().equals(protocol))
                .findFirst().orElseThrow().address().getPort();
    }

    /** The image repository's port for {@code ftp} or {@code tftp}. */
    int repositoryPort(String protocol) {
        return daemon.repositoryListeners().stream().filter(l -> l.protocol().equals(protocol))
                .findFirst().orElseThrow().address().getPort();
    }

    @Override
    public void close() {
        daemon.close();
    }
}
