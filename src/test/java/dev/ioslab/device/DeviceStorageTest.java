package dev.ioslab.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.fs.FaultyWriteChannels;
import dev.ioslab.fs.FileSystemSpec;
import dev.ioslab.fs.FsPath;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.IsrG2Layout;
import dev.ioslab.fs.SpacePin;
import dev.ioslab.fs.SpaceUsage;
import dev.ioslab.fs.WriteChannelOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceStorageTest {

    private static final long FLASH = 256L * 1024 * 1024;

    @TempDir
    Path dir;

    private final List<FileSystemSpec> specs = IsrG2Layout.fileSystems(FLASH, 0, FLASH, 0, 262_144);
    private final AtomicInteger provisioned = new AtomicInteger();

    private Path image() throws IOException {
        Path image = dir.resolve("images/c3900.bin");
        Files.createDirectories(image.getParent());
        Files.write(image, new byte[12_345]);
        return image;
    }

    private DeviceStorage.FactoryFlash factory(Path image) {
        return new DeviceStorage.FactoryFlash() {
            @Override
            public Optional<Path> image() {
                return Optional.of(image);
            }

            @Override
            public void provision(Path flash0) throws IOException {
                provisioned.incrementAndGet();
                Files.createDirectories(flash0);
                Files.createLink(flash0.resolve(image.getFileName()), image);
            }
        };
    }

    private DeviceStorage storage(WriteChannelOpener channels) throws IOException {
        return new DeviceStorage(dir.resolve("r1"), specs, Clock.systemUTC(), channels, factory(image()));
    }

    @Test
    void aFreshDeviceKeepsNothingOnDiskAndShowsItsFactoryFlash() throws Exception {
        DeviceStorage storage = storage(WriteChannelOpener.HOST);

        assertThat(storage.inUse()).isFalse();
        assertThat(storage.factoryImage()).contains(dir.resolve("images/c3900.bin"));
        SpaceUsage flash0 = storage.factoryUsage().get("flash0:");
        assertThat(flash0.capacity()).isEqualTo(FLASH);
        assertThat(flash0.used()).isEqualTo(12_345);
        assertThat(storage.factoryUsage().get("usbflash0:").used()).isZero();
        assertThat(storage.factoryUsage()).doesNotContainKey("flash1:");
        assertThat(dir.resolve("r1")).doesNotExist();
        assertThat(provisioned).hasValue(0);
    }

    @Test
    void theFirstUseCreatesTheFoldersAndPutsTheImageInFlashOnce() throws Exception {
        DeviceStorage storage = storage(WriteChannelOpener.HOST);

        IosFileSystem flash0 = storage.table().find("flash0").orElseThrow();

        assertThat(storage.inUse()).isTrue();
        assertThat(flash0.list(flash0.root())).extracting(e -> e.name()).containsExactly("c3900.bin");
        assertThat(dir.resolve("r1/nvram")).isDirectory();
        assertThat(storage.table()).isSameAs(storage.table());
        assertThat(storage.factoryImage()).isEmpty();
        assertThat(storage.factoryUsage()).isEmpty();
        assertThat(provisioned).hasValue(1);
    }

    @Test
    void aDeviceWithFoldersOnDiskIsOpenedAtOnceAndNotProvisionedAgain() throws Exception {
        Files.createDirectories(dir.resolve("r1/flash0"));
        Files.write(dir.resolve("r1/flash0/own.bin"), new byte[10]);

        DeviceStorage storage = storage(WriteChannelOpener.HOST);

        assertThat(storage.inUse()).isTrue();
        IosFileSystem flash0 = storage.table().find("flash0").orElseThrow();
        assertThat(flash0.list(flash0.root())).extracting(e -> e.name()).containsExactly("own.bin");
        assertThat(provisioned).hasValue(0);
    }

    @Test
    void aFreshDevicesUsageShowsTheFreeSpaceAFaultPins() throws Exception {
        SpacePin pin = new SpacePin() {
            @Override
            public OptionalLong pinnedFree(String fileSystem) {
                return fileSystem.equals("flash0") ? OptionalLong.of(1000) : OptionalLong.empty();
            }

            @Override
            public void refused(String fileSystem, FsPath destination) {
                // the test writes nothing
            }
        };
        DeviceStorage storage = storage(new FaultyWriteChannels(path -> Optional.empty(), pin));

        assertThat(storage.factoryUsage().get("flash0:").free()).isEqualTo(1000);
        assertThat(storage.factoryUsage().get("usbflash0:").free()).isEqualTo(FLASH);
        assertThat(storage.inUse()).isFalse();
    }
}
