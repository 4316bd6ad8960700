package dev.ioslab.fs;

import static dev.ioslab.fs.IosFileSystemTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemTableTest {

    @TempDir
    Path deviceDir;

    private FileSystemTable table;

    @BeforeEach
    void setUp() throws IOException {
        table = TestFileSystems.open(deviceDir);
    }

    @Test
    void keepsTheOrderOfShowFileSystems() {
        assertThat(table.fileSystems()).extracting(IosFileSystem::name).containsExactly(
                "archive", "system", "tmpsys", "null", "tftp", "flash0", "flash1", "nvram", "syslog", "xmodem",
                "ymodem", "rcp", "http", "ftp", "scp", "tar", "https", "cns", "usbflash0", "usbflash1");
        FileSystemSpec flash0 = table.defaultFileSystem().spec();
        assertThat(flash0.prefix()).isEqualTo("flash0:");
        assertThat(flash0.aliases()).containsExactly("flash");
        assertThat(flash0.isDefault()).isTrue();
        assertThat(flash0.bootable()).isTrue();
        assertThat(table.find("syslog").orElseThrow().spec().access().label()).isEqualTo("wo");
        assertThat(table.find("tftp").orElseThrow().spec().type().label()).isEqualTo("network");
    }

    @Test
    void aliasesAndCaseResolveToTheSameFileSystem() {
        IosFileSystem flash0 = table.find("flash0:").orElseThrow();

        assertThat(table.find("flash")).containsSame(flash0);
        assertThat(table.find("flash:")).containsSame(flash0);
        assertThat(table.find("FLASH0:")).containsSame(flash0);
        assertThat(table.find("bootflash")).isEmpty();
    }

    @Test
    void resolvesPrefixedAndBarePaths() throws Exception {
        IosFileSystem flash0 = table.defaultFileSystem();
        flash0.mkdir(flash0.resolve("dir"));
        FsPath cwd = flash0.resolve("dir");

        assertThat(table.resolve("flash:img.bin", null).display()).isEqualTo("flash0:/img.bin");
        assertThat(table.resolve("flash0:/dir/img.bin", cwd).display()).isEqualTo("flash0:/dir/img.bin");
        assertThat(table.resolve("img.bin", cwd).display()).isEqualTo("flash0:/dir/img.bin");
        assertThat(table.resolve("/img.bin", cwd).display()).isEqualTo("flash0:/img.bin");
        assertThat(table.resolve("usbflash0", null).display()).isEqualTo("flash0:/usbflash0");
        assertThat(table.resolve("nvram:startup-config", cwd).display()).isEqualTo("nvram:/startup-config");
        assertThat(table.resolve("flash:", null).isRoot()).isTrue();
    }

    @Test
    void refusesUnknownAndNetworkPrefixes() {
        assertError(() -> table.resolve("bootflash:x", null), FsError.NO_SUCH_DEVICE);
        assertError(() -> table.resolve("tftp:x", null), FsError.NOT_SUPPORTED);
    }

    @Test
    void createsFoldersOnlyForStorageWithMedia() {
        assertThat(deviceDir.resolve("flash0")).isDirectory();
        assertThat(deviceDir.resolve("nvram")).isDirectory();
        assertThat(deviceDir.resolve("usbflash0")).isDirectory();
        assertThat(deviceDir.resolve("usbflash1")).doesNotExist();
        assertThat(deviceDir.resolve("system")).doesNotExist();
    }

    @Test
    void rejectsInconsistentSpecs() {
        FileSystemSpec flash = new FileSystemSpec("flash0", List.of("flash"), FsType.DISK, FsAccess.RW, 10, true,
                true);

        assertThatThrownBy(() -> FileSystemTable.open(deviceDir, List.of(flash,
                FileSystemSpec.storage("flash", FsType.DISK, 10)), TestFileSystems.CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> FileSystemTable.open(deviceDir, List.of(
                FileSystemSpec.storage("flash0", FsType.DISK, 10)), TestFileSystems.CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no default");
        assertThatThrownBy(() -> new FileSystemSpec("tftp", List.of(), FsType.NETWORK, FsAccess.RW, 5, false,
                false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileSystemSpec.storage("flash0:", FsType.DISK, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileSystemSpec.storage("../x", FsType.DISK, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
