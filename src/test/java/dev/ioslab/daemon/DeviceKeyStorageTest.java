package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.cli.DeviceShell;
import dev.ioslab.commands.CommandSets;
import dev.ioslab.config.DeviceSpec;
import dev.ioslab.config.PlatformSpec;
import dev.ioslab.config.UserSpec;
import dev.ioslab.image.KeyStorage;
import dev.ioslab.image.VerificationPool;
import dev.ioslab.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A device built by the factory gets its key storage under {@code <device>/keys}, provisioned once. */
class DeviceKeyStorageTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor();
    private final VerificationPool pool = new VerificationPool(1);

    @AfterEach
    void stop() {
        idle.shutdownNow();
        pool.close();
    }

    private DeviceShell create() throws Exception {
        DeviceFactory factory = new DeviceFactory(dir, Clock.systemUTC(), CommandSets.standard(Runnable::run), idle,
                TestPki.lab().factoryKeys(), new BootLoader(pool, "C3900"), dir.resolve("no-image.bin"));
        return factory.create(new DeviceSpec("r1", new PlatformSpec(PlatformSpec.DEFAULT_MODEL, "FGL161010K8",
                PlatformSpec.DEFAULT_MAIN_MEMORY_KB, PlatformSpec.DEFAULT_IO_MEMORY_KB, PlatformSpec.DEFAULT_FLASH,
                PlatformSpec.DEFAULT_NVRAM_BYTES), "127.0.0.1", 0, 0, List.of(new UserSpec("admin", 15, "admin")),
                "cisco", List.of()));
    }

    @Test
    void aNewDeviceHoldsTheFactoryKeysWithoutWritingThemAndKeepsItsOwnAfterARestart() throws Exception {
        KeyStorage keys = create().device().softwareAuthenticity().keys();
        assertThat(keys.list()).extracting(k -> k.key().label())
                .containsExactly("release-A", "development-A", "rollover-A");
        assertThat(keys.primaryFile()).isEqualTo(dir.resolve("r1").resolve("keys").resolve("primary"));
        assertThat(keys.primaryFile()).doesNotExist();
        keys.addKey(TestPki.key("release-B").publicKey());
        Files.writeString(keys.primaryFile(), "damaged");
        KeyStorage again = create().device().softwareAuthenticity().keys();
        assertThat(again.list()).extracting(k -> k.key().label())
                .containsExactly("release-A", "release-B", "development-A", "rollover-A");
    }
}
