package dev.ioslab.fs;

import static dev.ioslab.fs.TestFileSystems.FLASH0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

    @TempDir
    Path deviceDir;

    private FileSystemTable table;
    private IosFileSystem flash;
    private Path flashFolder;

    @BeforeEach
    void setUp() throws IOException {
        table = TestFileSystems.open(deviceDir);
        flash = TestFileSystems.flash0(table);
        flashFolder = deviceDir.resolve("flash0");
    }

    @Test
    void committedFileAppearsWithItsBytesAndClockTime() throws Exception {
        FileEntry entry = TestFileSystems.writeFile(flash, "img.bin", 1234);

        assertThat(entry.name()).isEqualTo("img.bin");
        assertThat(entry.size()).isEqualTo(1234);
        assertThat(entry.modified()).isEqualTo(TestFileSystems.NOW);
        assertThat(Files.readAllBytes(flashFolder.resolve("img.bin"))).isEqualTo(TestFileSystems.pattern(1234));
        assertThat(TestFileSystems.tempFiles(flashFolder)).isEmpty();
        assertThat(flash.space()).isEqualTo(new SpaceUsage(FLASH0, 1234, 0));
    }

    @Test
    void fileIsInvisibleUntilCommit() throws Exception {
        try (AtomicWrite write = flash.beginWrite(flash.resolve("img.bin"), 100)) {
            write.write(ByteBuffer.wrap(TestFileSystems.pattern(100)));

            assertThat(flash.list(flash.root())).isEmpty();
            assertThat(flash.exists(flash.resolve("img.bin"))).isFalse();
            assertThat(TestFileSystems.tempFiles(flashFolder)).hasSize(1);
            assertThat(flash.space().reserved()).isEqualTo(100);
            assertThat(flash.space().free()).isEqualTo(FLASH0 - 100);

            write.commit();
        }
        assertThat(flash.list(flash.root())).extracting(FileEntry::name).containsExactly("img.bin");
    }

    @Test
    void abortLeavesNothingAndReleasesSpace() throws Exception {
        AtomicWrite write = flash.beginWrite(flash.resolve("img.bin"), 4000);
        write.write(ByteBuffer.wrap(TestFileSystems.pattern(3000)));

        write.abort();

        assertThat(TestFileSystems.hostFiles(flashFolder)).noneMatch(name -> !name.startsWith(".ioslab-index"));
        assertThat(flash.space()).isEqualTo(new SpaceUsage(FLASH0, 0, 0));
        assertThat(write.isOpen()).isFalse();
        assertThatThrownBy(() -> write.write(ByteBuffer.allocate(1)))
                .isInstanceOfSatisfying(FsException.class, e -> assertThat(e.error()).isEqualTo(FsError.IO_ERROR));
    }

    @Test
    void closingAnUncommittedWriteAborts() throws Exception {
        try (AtomicWrite write = flash.beginWrite(flash.resolve("img.bin"))) {
            write.write(ByteBuffer.wrap(TestFileSystems.pattern(10)));
        }
        assertThat(TestFileSystems.tempFiles(flashFolder)).isEmpty();
        assertThat(flash.exists(flash.resolve("img.bin"))).isFalse();
    }

    @Test
    void expectedSizeThatDoesNotFitFailsFast() throws Exception {
        TestFileSystems.writeFile(flash, "old.bin", 6000);

        assertThatThrownBy(() -> flash.beginWrite(flash.resolve("new.bin"), 4001))
                .isInstanceOfSatisfying(FsException.class, e -> {
                    assertThat(e.error()).isEqualTo(FsError.NOT_ENOUGH_SPACE);
                    assertThat(e.path()).isEqualTo("flash0:/new.bin");
                    assertThat(e.getMessage()).isEqualTo("flash0:/new.bin (Not enough space on device)");
                });
        assertThat(TestFileSystems.tempFiles(flashFolder)).isEmpty();
        assertThat(flash.space().free()).isEqualTo(4000);
    }

    @Test
    void writeThatOutgrowsCapacityLeavesNothingAndRestoresFreeSpace() throws Exception {
        TestFileSystems.writeFile(flash, "old.bin", 2000);
        AtomicWrite write = flash.beginWrite(flash.resolve("big.bin"), 1000);
        for (int i = 0; i < 8; i++) {
            write.write(ByteBuffer.wrap(TestFileSystems.pattern(1000)));
        }

        assertThatThrownBy(() -> write.write(ByteBuffer.wrap(TestFileSystems.pattern(1))))
                .isInstanceOfSatisfying(FsException.class,
                        e -> assertThat(e.error()).isEqualTo(FsError.NOT_ENOUGH_SPACE));

        assertThat(write.isOpen()).isFalse();
        assertThat(TestFileSystems.tempFiles(flashFolder)).isEmpty();
        assertThat(flash.list(flash.root())).extracting(FileEntry::name).containsExactly("old.bin");
        assertThat(flash.space()).isEqualTo(new SpaceUsage(FLASH0, 2000, 0));
    }

    @Test
    void writeExactlyFillingTheDeviceSucceeds() throws Exception {
        FileEntry entry = TestFileSystems.writeFile(flash, "full.bin", (int) FLASH0);

        assertThat(entry.size()).isEqualTo(FLASH0);
        assertThat(flash.space().free()).isZero();
    }

    @Test
    void secondOfTwoReservationsThatTogetherExceedCapacityFails() throws Exception {
        AtomicWrite first = flash.beginWrite(flash.resolve("a.bin"), 6000);

        assertThatThrownBy(() -> flash.beginWrite(flash.resolve("b.bin"), 6000))
                .isInstanceOfSatisfying(FsException.class,
                        e -> assertThat(e.error()).isEqualTo(FsError.NOT_ENOUGH_SPACE));
        first.write(ByteBuffer.wrap(TestFileSystems.pattern(6000)));
        first.commit();
        assertThat(flash.space()).isEqualTo(new SpaceUsage(FLASH0, 6000, 0));
    }

    @Test
    void concurrentWritesOfUnknownSizeCannotBothFitWhenTogetherTooBig() throws Exception {
        int size = 6000;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String name : List.of("a.bin", "b.bin")) {
                Callable<Boolean> copy = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    try (AtomicWrite write = flash.beginWrite(flash.resolve(name))) {
                        for (int sent = 0; sent < size; sent += 100) {
                            write.write(ByteBuffer.wrap(TestFileSystems.pattern(100)));
                            Thread.yield();
                        }
                        write.commit();
                        return true;
                    } catch (FsException e) {
                        assertThat(e.error()).isEqualTo(FsError.NOT_ENOUGH_SPACE);
                        return false;
                    }
                };
                results.add(pool.submit(copy));
            }
            int succeeded = 0;
            for (Future<Boolean> result : results) {
                succeeded += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(succeeded).isLessThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        SpaceUsage space = flash.space();
        assertThat(space.used()).isEqualTo(TestFileSystems.visibleBytes(flashFolder)).isLessThanOrEqualTo(FLASH0);
        assertThat(space.used() + space.free()).isEqualTo(FLASH0);
        assertThat(TestFileSystems.tempFiles(flashFolder)).isEmpty();
    }

    @Test
    void commitReplacesAnExistingFileWhileOpenReadersKeepTheOldBytes() throws Exception {
        TestFileSystems.writeFile(flash, "cfg.txt", 10);
        int index = flash.stat(flash.resolve("cfg.txt")).index();
        try (FileChannel reader = flash.openChannel(flash.resolve("cfg.txt"))) {
            try (AtomicWrite write = flash.beginWrite(flash.resolve("cfg.txt"))) {
                write.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
                write.commit();
            }
            ByteBuffer old = ByteBuffer.allocate(20);
            reader.read(old);
            assertThat(old.position()).isEqualTo(10);
        }
        try (InputStream in = flash.openInputStream(flash.resolve("cfg.txt"))) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        assertThat(flash.stat(flash.resolve("cfg.txt")).index()).isEqualTo(index);
        assertThat(flash.space().used()).isEqualTo(3);
    }

    @Test
    void writeOntoADirectoryIsRefused() throws Exception {
        flash.mkdir(flash.resolve("dir"));

        assertThatThrownBy(() -> flash.beginWrite(flash.resolve("dir"), 1))
                .isInstanceOfSatisfying(FsException.class,
                        e -> assertThat(e.error()).isEqualTo(FsError.IS_A_DIRECTORY));
        assertThatThrownBy(() -> flash.beginWrite(flash.resolve("nodir/x"), 1))
                .isInstanceOfSatisfying(FsException.class,
                        e -> assertThat(e.error()).isEqualTo(FsError.NO_SUCH_FILE));
    }

    @Test
    void directoryWithAWriteInFlightCannotBeRemovedOrFormatted() throws Exception {
        flash.mkdir(flash.resolve("dir"));
        try (AtomicWrite write = flash.beginWrite(flash.resolve("dir/x"), 1)) {
            assertThatThrownBy(() -> flash.rmdir(flash.resolve("dir")))
                    .isInstanceOfSatisfying(FsException.class,
                            e -> assertThat(e.error()).isEqualTo(FsError.DEVICE_BUSY));
            assertThatThrownBy(() -> flash.deleteRecursive(flash.resolve("dir")))
                    .isInstanceOfSatisfying(FsException.class,
                            e -> assertThat(e.error()).isEqualTo(FsError.DEVICE_BUSY));
            assertThatThrownBy(flash::format)
                    .isInstanceOfSatisfying(FsException.class,
                            e -> assertThat(e.error()).isEqualTo(FsError.DEVICE_BUSY));
            write.write(ByteBuffer.wrap(new byte[] {9}));
            write.commit();
        }
        assertThat(flash.list(flash.resolve("dir"))).extracting(FileEntry::name).containsExactly("x");
    }

    @Test
    void leftoversOfInterruptedWritesAreRemovedAtBoot() throws Exception {
        flash.mkdir(flash.resolve("sub"));
        TestFileSystems.writeFile(flash, "keep.bin", 50);
        Files.write(flashFolder.resolve(".ioslab-tmp-123"), new byte[700]);
        Files.write(flashFolder.resolve("sub/.ioslab-tmp-456"), new byte[300]);
        Files.write(deviceDir.resolve("nvram").resolve(".ioslab-tmp-789"), new byte[10]);

        FileSystemTable rebooted = TestFileSystems.open(deviceDir);
        assertThat(rebooted.removeLeftovers()).isEqualTo(3);

        assertThat(TestFileSystems.tempFiles(deviceDir)).isEmpty();
        IosFileSystem flashAfter = TestFileSystems.flash0(rebooted);
        assertThat(flashAfter.list(flashAfter.root())).extracting(FileEntry::name).containsExactly("sub", "keep.bin");
        assertThat(flashAfter.space()).isEqualTo(new SpaceUsage(FLASH0, 50, 0));
    }

    @Test
    void removeLeftoversSparesWritesInFlight() throws Exception {
        try (AtomicWrite write = flash.beginWrite(flash.resolve("a.bin"), 5)) {
            assertThat(table.removeLeftovers()).isZero();
            write.write(ByteBuffer.wrap(new byte[5]));
            write.commit();
        }
        assertThat(flash.stat(flash.resolve("a.bin")).size()).isEqualTo(5);
    }

    @Test
    void commitAsyncCompletesWithTheEntry() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            AtomicWrite write = flash.beginWrite(flash.resolve("a.bin"), 5);
            write.write(ByteBuffer.wrap(new byte[5]));
            FileEntry entry = write.commitAsync(worker).get(10, TimeUnit.SECONDS);
            assertThat(entry.size()).isEqualTo(5);
        } finally {
            worker.shutdownNow();
        }
    }
}
