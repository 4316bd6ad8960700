package dev.ioslab.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IosFileSystemTest {

    @TempDir
    Path deviceDir;

    private FileSystemTable table;
    private IosFileSystem flash;

    @BeforeEach
    void setUp() throws IOException {
        table = TestFileSystems.open(deviceDir);
        flash = TestFileSystems.flash0(table);
    }

    @Test
    void listsInCreationOrderWithStableIndexes() throws Exception {
        TestFileSystems.writeFile(flash, "c.bin", 1);
        TestFileSystems.writeFile(flash, "a.bin", 2);
        TestFileSystems.writeFile(flash, "b.bin", 3);
        flash.delete(flash.resolve("a.bin"));
        TestFileSystems.writeFile(flash, "d.bin", 4);

        assertThat(flash.list(flash.root()))
                .extracting(FileEntry::index, FileEntry::name, FileEntry::size)
                .containsExactly(
                        tuple(1, "c.bin", 1L),
                        tuple(3, "b.bin", 3L),
                        tuple(4, "d.bin", 4L));
    }

    @Test
    void indexesSurviveRenameAndRestart() throws Exception {
        TestFileSystems.writeFile(flash, "first.bin", 1);
        TestFileSystems.writeFile(flash, "second.bin", 1);
        flash.rename(flash.resolve("first.bin"), flash.resolve("renamed.bin"), false);

        IosFileSystem reopened = TestFileSystems.flash0(TestFileSystems.open(deviceDir));

        assertThat(reopened.list(reopened.root()))
                .extracting(FileEntry::index, FileEntry::name)
                .containsExactly(
                        tuple(1, "renamed.bin"),
                        tuple(2, "second.bin"));
    }

    @Test
    void filesDroppedIntoTheFolderAreNumberedOldestFirstAndCounted() throws Exception {
        TestFileSystems.writeFile(flash, "mine.bin", 10);
        Path folder = deviceDir.resolve("flash0");
        Files.write(folder.resolve("newer.bin"), new byte[200]);
        Files.setLastModifiedTime(folder.resolve("newer.bin"), FileTime.from(Instant.parse("2025-02-01T00:00:00Z")));
        Files.write(folder.resolve("older.bin"), new byte[100]);
        Files.setLastModifiedTime(folder.resolve("older.bin"), FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));

        assertThat(flash.list(flash.root()))
                .extracting(FileEntry::index, FileEntry::name)
                .containsExactly(
                        tuple(1, "mine.bin"),
                        tuple(2, "older.bin"),
                        tuple(3, "newer.bin"));
        assertThat(flash.space().used()).isEqualTo(310);
    }

    @Test
    void hiddenFilesNeverAppearInListings() throws Exception {
        TestFileSystems.writeFile(flash, "a.bin", 1);
        Files.write(deviceDir.resolve("flash0/.ioslab-tmp-99"), new byte[3]);

        assertThat(flash.list(flash.root())).extracting(FileEntry::name).containsExactly("a.bin");
        assertThat(Files.exists(deviceDir.resolve("flash0/.ioslab-index"))).isTrue();
        assertThat(flash.space().used()).isEqualTo(1);
    }

    @Test
    void hostFilesWithUnaddressableNamesAreNotListed() throws Exception {
        TestFileSystems.writeFile(flash, "ok.bin", 1);
        Files.write(deviceDir.resolve("flash0/bad\nname"), new byte[1]);
        Files.write(deviceDir.resolve("flash0/with space"), new byte[1]);

        assertThat(flash.list(flash.root())).extracting(FileEntry::name).containsExactly("ok.bin");
        IosFileSystem reopened = TestFileSystems.flash0(TestFileSystems.open(deviceDir));
        assertThat(reopened.list(reopened.root())).extracting(FileEntry::index).containsExactly(1);
    }

    @Test
    void damagedIndexIsRebuiltFromTheFolder() throws Exception {
        TestFileSystems.writeFile(flash, "a.bin", 1);
        Files.writeString(deviceDir.resolve("flash0/.ioslab-index"), "garbage\n");

        IosFileSystem reopened = TestFileSystems.flash0(TestFileSystems.open(deviceDir));

        assertThat(reopened.list(reopened.root())).extracting(FileEntry::index, FileEntry::name)
                .containsExactly(tuple(1, "a.bin"));
        assertThat(Files.readString(deviceDir.resolve("flash0/.ioslab-index"))).startsWith("ioslab-index 1\n");
    }

    @Test
    void mkdirCreatesAListableDirectoryWithClockTime() throws Exception {
        flash.mkdir(flash.resolve("boot"));
        TestFileSystems.writeFile(flash, "boot/inner.bin", 7);

        FileEntry dir = flash.stat(flash.resolve("boot"));
        assertThat(dir.directory()).isTrue();
        assertThat(dir.size()).isZero();
        assertThat(dir.modified()).isEqualTo(TestFileSystems.NOW);
        assertThat(flash.list(flash.resolve("boot"))).extracting(FileEntry::name).containsExactly("inner.bin");
        assertThat(flash.list(flash.resolve("boot")).get(0).path().display()).isEqualTo("flash0:/boot/inner.bin");
        assertThat(flash.space().used()).isEqualTo(7);
    }

    @Test
    void mkdirRefusesExistingNamesAndMissingParents() throws Exception {
        flash.mkdir(flash.resolve("d"));

        assertError(() -> flash.mkdir(flash.resolve("d")), FsError.FILE_EXISTS);
        assertError(() -> flash.mkdir(flash.resolve("x/y")), FsError.NO_SUCH_FILE);
    }

    @Test
    void rmdirRemovesOnlyEmptyDirectories() throws Exception {
        flash.mkdir(flash.resolve("d"));
        TestFileSystems.writeFile(flash, "d/f", 1);

        assertError(() -> flash.rmdir(flash.resolve("d")), FsError.DIRECTORY_NOT_EMPTY);
        assertError(() -> flash.rmdir(flash.resolve("d/f")), FsError.NOT_A_DIRECTORY);
        flash.delete(flash.resolve("d/f"));
        flash.rmdir(flash.resolve("d"));
        assertThat(flash.list(flash.root())).isEmpty();
    }

    @Test
    void deleteFreesSpaceAndRefusesDirectoriesAndMissingFiles() throws Exception {
        TestFileSystems.writeFile(flash, "a.bin", 500);
        flash.mkdir(flash.resolve("d"));

        flash.delete(flash.resolve("a.bin"));

        assertThat(flash.space().free()).isEqualTo(TestFileSystems.FLASH0);
        assertError(() -> flash.delete(flash.resolve("a.bin")), FsError.NO_SUCH_FILE);
        assertError(() -> flash.delete(flash.resolve("d")), FsError.IS_A_DIRECTORY);
        FsException missing = catchFs(() -> flash.delete(flash.resolve("gone.bin")));
        assertThat(missing.getMessage()).isEqualTo("flash0:/gone.bin (No such file or directory)");
    }

    @Test
    void deleteRecursiveRemovesATree() throws Exception {
        flash.mkdir(flash.resolve("pkg"));
        flash.mkdir(flash.resolve("pkg/sub"));
        TestFileSystems.writeFile(flash, "pkg/a", 100);
        TestFileSystems.writeFile(flash, "pkg/sub/b", 200);
        TestFileSystems.writeFile(flash, "keep", 1);

        flash.deleteRecursive(flash.resolve("pkg"));

        assertThat(flash.list(flash.root())).extracting(FileEntry::name).containsExactly("keep");
        assertThat(flash.space().used()).isEqualTo(1);
        assertError(() -> flash.deleteRecursive(flash.resolve("pkg")), FsError.NO_SUCH_FILE);
        assertError(() -> flash.deleteRecursive(flash.root()), FsError.INVALID_PATH);
    }

    @Test
    void renameMovesFilesAndDirectoriesAndRespectsExistingTargets() throws Exception {
        TestFileSystems.writeFile(flash, "a", 1);
        TestFileSystems.writeFile(flash, "b", 2);
        flash.mkdir(flash.resolve("d"));
        TestFileSystems.writeFile(flash, "d/inner", 3);

        assertError(() -> flash.rename(flash.resolve("a"), flash.resolve("b"), false), FsError.FILE_EXISTS);
        assertError(() -> flash.rename(flash.resolve("a"), flash.resolve("d"), true), FsError.IS_A_DIRECTORY);
        assertError(() -> flash.rename(flash.resolve("d"), flash.resolve("d/x"), false), FsError.INVALID_PATH);
        assertError(() -> flash.rename(flash.resolve("nope"), flash.resolve("x"), false), FsError.NO_SUCH_FILE);

        flash.rename(flash.resolve("a"), flash.resolve("b"), true);
        flash.rename(flash.resolve("d"), flash.resolve("e"), false);

        assertThat(flash.list(flash.root())).extracting(FileEntry::name).containsExactly("b", "e");
        assertThat(flash.stat(flash.resolve("b")).size()).isEqualTo(1);
        assertThat(flash.stat(flash.resolve("e/inner")).index()).isEqualTo(4);
        assertThat(flash.space().used()).isEqualTo(4);
    }

    @Test
    void renameAcrossFileSystemsIsNotSupported() throws Exception {
        TestFileSystems.writeFile(flash, "a", 1);
        IosFileSystem usb = table.find("usbflash0").orElseThrow();

        assertError(() -> flash.rename(flash.resolve("a"), usb.resolve("a"), false), FsError.NOT_SUPPORTED);
    }

    @Test
    void readsStreamWithoutLoadingTheWholeFile() throws Exception {
        TestFileSystems.writeFile(flash, "img.bin", 9000);

        byte[] chunk = new byte[512];
        long total = 0;
        try (InputStream in = flash.openInputStream(flash.resolve("img.bin"))) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                total += n;
            }
        }
        assertThat(total).isEqualTo(9000);
        assertError(() -> flash.openChannel(flash.resolve("missing")), FsError.NO_SUCH_FILE);
        flash.mkdir(flash.resolve("d"));
        assertError(() -> flash.openChannel(flash.resolve("d")), FsError.IS_A_DIRECTORY);
    }

    @Test
    void formatErasesEverythingAndRestartsNumbering() throws Exception {
        TestFileSystems.writeFile(flash, "a", 100);
        flash.mkdir(flash.resolve("d"));
        TestFileSystems.writeFile(flash, "d/b", 100);

        flash.format();

        assertThat(flash.list(flash.root())).isEmpty();
        assertThat(flash.space()).isEqualTo(new SpaceUsage(TestFileSystems.FLASH0, 0, 0));
        assertThat(TestFileSystems.writeFile(flash, "new", 1).index()).isEqualTo(1);
    }

    @Test
    void listOfAFileOrMissingDirectoryFails() throws Exception {
        TestFileSystems.writeFile(flash, "a", 1);

        assertError(() -> flash.list(flash.resolve("a")), FsError.NOT_A_DIRECTORY);
        assertError(() -> flash.list(flash.resolve("nodir")), FsError.NO_SUCH_FILE);
        assertError(() -> flash.stat(flash.resolve("a/b")), FsError.NOT_A_DIRECTORY);
    }

    @Test
    void fileSystemsWithoutStorageRefuseFileOperations() throws Exception {
        IosFileSystem tftp = table.find("tftp").orElseThrow();
        IosFileSystem system = table.find("system").orElseThrow();
        IosFileSystem emptySlot = table.find("flash1").orElseThrow();

        assertThat(tftp.hasStorage()).isFalse();
        assertError(() -> system.list(system.root()), FsError.NOT_SUPPORTED);
        assertError(() -> tftp.beginWrite(tftp.resolve("x"), 1), FsError.NOT_SUPPORTED);
        assertError(emptySlot::space, FsError.NO_SUCH_DEVICE);
        assertError(() -> emptySlot.list(emptySlot.root()), FsError.NO_SUCH_DEVICE);
        assertThat(Files.exists(deviceDir.resolve("flash1"))).isFalse();
    }

    @Test
    void readOnlyAndWriteOnlyFlagsAreEnforced() throws Exception {
        FileSystemSpec readOnly = new FileSystemSpec("webui", List.of(), FsType.DISK, FsAccess.RO, 100,
                false, false);
        FileSystemSpec writeOnly = new FileSystemSpec("drop", List.of(), FsType.DISK, FsAccess.WO, 100,
                false, false);
        FileSystemTable custom = FileSystemTable.open(deviceDir.resolve("other"), List.of(
                new FileSystemSpec("flash", List.of(), FsType.DISK, FsAccess.RW, 100, true, true),
                readOnly, writeOnly), TestFileSystems.CLOCK);
        IosFileSystem ro = custom.find("webui").orElseThrow();
        IosFileSystem wo = custom.find("drop").orElseThrow();

        assertError(() -> ro.beginWrite(ro.resolve("x"), 1), FsError.PERMISSION_DENIED);
        assertError(() -> ro.mkdir(ro.resolve("x")), FsError.PERMISSION_DENIED);
        assertThat(ro.list(ro.root())).isEmpty();
        TestFileSystems.writeFile(wo, "x", 1);
        assertError(() -> wo.openChannel(wo.resolve("x")), FsError.PERMISSION_DENIED);
    }

    @Test
    void nvramHoldsStartupConfigWithinItsOwnCapacity() throws Exception {
        IosFileSystem nvram = table.find("nvram:").orElseThrow();
        try (AtomicWrite write = nvram.beginWrite(nvram.resolve("startup-config"))) {
            write.write(ByteBuffer.wrap("hostname R1\n".getBytes(StandardCharsets.US_ASCII)));
            write.commit();
        }

        assertThat(nvram.space()).isEqualTo(new SpaceUsage(TestFileSystems.NVRAM, 12, 0));
        assertThat(flash.space().used()).isZero();
        assertError(() -> nvram.beginWrite(nvram.resolve("big"), TestFileSystems.NVRAM), FsError.NOT_ENOUGH_SPACE);
    }

    interface FsAction {
        void run() throws Exception;
    }

    static FsException catchFs(FsAction action) {
        try {
            action.run();
        } catch (FsException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected FsException, got " + e, e);
        }
        throw new AssertionError("expected FsException, nothing thrown");
    }

    static void assertError(FsAction action, FsError expected) {
        assertThat(catchFs(action).error()).isEqualTo(expected);
    }
}
