package dev.ioslab.fs;

import static dev.ioslab.fs.TestFileSystems.FLASH0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writes through the file-channel seam fail with the host's cause and leave the file system exactly as it was. */
class StorageFaultTest {

    @TempDir
    Path deviceDir;

    private final AtomicReference<StorageFault> fault = new AtomicReference<>();
    private IosFileSystem flash;
    private IosFileSystem nvram;
    private Path flashFolder;

    @BeforeEach
    void setUp() throws Exception {
        FileSystemTable table = FileSystemTable.open(deviceDir,
                IsrG2Layout.fileSystems(FLASH0, 0, 5_000, 0, TestFileSystems.NVRAM), TestFileSystems.CLOCK,
                new FaultyWriteChannels(destination -> Optional.ofNullable(fault.get())));
        flash = TestFileSystems.flash0(table);
        nvram = table.find("nvram").orElseThrow();
        flashFolder = deviceDir.resolve("flash0");
        TestFileSystems.writeFile(flash, "old.bin", 500);
    }

    @ParameterizedTest
    @EnumSource(HostFailure.class)
    void failedWriteReportsTheHostCauseAndLeavesNothingBehind(HostFailure failure) throws Exception {
        SpaceUsage before = flash.space();
        fault.set(new StorageFault(failure, 100));

        assertThatThrownBy(() -> {
            try (AtomicWrite write = flash.beginWrite(flash.resolve("old.bin"), 300)) {
                write.write(ByteBuffer.wrap(TestFileSystems.pattern(300)));
                write.commit();
            }
        }).isInstanceOfSatisfying(FsException.class, e -> {
            assertThat(e.error()).isEqualTo(expected(failure));
            assertThat(e.getMessage()).isEqualTo("flash0:/old.bin (" + expected(failure).reason() + ")");
        });

        assertThat(Files.readAllBytes(flashFolder.resolve("old.bin"))).isEqualTo(TestFileSystems.pattern(500));
        assertThat(TestFileSystems.tempFiles(flashFolder)).isEmpty();
        assertThat(flash.space()).isEqualTo(before);
    }

    @Test
    void bytesUpToTheLimitStillFitAndCommit() throws Exception {
        fault.set(new StorageFault(HostFailure.NO_SPACE, 100));

        FileEntry entry = TestFileSystems.writeFile(flash, "small.bin", 100);

        assertThat(entry.size()).isEqualTo(100);
        assertThat(Files.readAllBytes(flashFolder.resolve("small.bin"))).isEqualTo(TestFileSystems.pattern(100));
    }

    @Test
    void readOnlyHostRefusesBeforeTheFirstByte() throws Exception {
        SpaceUsage before = nvram.space();
        fault.set(new StorageFault(HostFailure.READ_ONLY, 1_000));

        assertThatThrownBy(() -> nvram.beginWrite(nvram.resolve("startup-config"), 10))
                .isInstanceOfSatisfying(FsException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("nvram:/startup-config (Read-only file system)"));

        assertThat(TestFileSystems.hostFiles(deviceDir.resolve("nvram"))).allMatch(name -> !name.contains(
                PathRules.TEMP_PREFIX));
        assertThat(nvram.space()).isEqualTo(before);
    }

    @Test
    void faultIsAskedPerWriteSoClearingItRestoresWrites() throws Exception {
        fault.set(new StorageFault(HostFailure.NO_SPACE, 0));
        assertThatThrownBy(() -> TestFileSystems.writeFile(flash, "a.bin", 10)).isInstanceOf(FsException.class);

        fault.set(null);

        assertThat(TestFileSystems.writeFile(flash, "a.bin", 10).size()).isEqualTo(10);
    }

    @Test
    void sizeBeyondTheHostDiskIsRefusedBeforeAnyByte() throws IOException, FsException {
        long huge = 1L << 60;
        FileSystemTable big = FileSystemTable.open(deviceDir.resolve("big"),
                List.of(new FileSystemSpec("flash0", List.of("flash"), FsType.DISK, FsAccess.RW, huge, true, true)),
                TestFileSystems.CLOCK);
        IosFileSystem bigFlash = big.defaultFileSystem();

        assertThatThrownBy(() -> bigFlash.beginWrite(bigFlash.resolve("huge.bin"), huge))
                .isInstanceOfSatisfying(FsException.class, e ->
                        assertThat(e.error()).isEqualTo(FsError.NOT_ENOUGH_SPACE));
        try (AtomicWrite write = bigFlash.beginWrite(bigFlash.resolve("later.bin"))) {
            assertThatThrownBy(() -> write.reserve(huge)).isInstanceOfSatisfying(FsException.class, e ->
                    assertThat(e.error()).isEqualTo(FsError.NOT_ENOUGH_SPACE));
            assertThat(write.isOpen()).isFalse();
        }
        assertThat(TestFileSystems.tempFiles(deviceDir.resolve("big"))).isEmpty();
        assertThat(bigFlash.space().used()).isZero();
    }

    private static FsError expected(HostFailure failure) {
        return switch (failure) {
            case NO_SPACE, QUOTA_EXCEEDED -> FsError.NOT_ENOUGH_SPACE;
            case READ_ONLY -> FsError.READ_ONLY;
            case IO_ERROR -> FsError.IO_ERROR;
        };
    }
}
