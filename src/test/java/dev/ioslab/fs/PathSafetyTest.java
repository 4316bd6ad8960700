package dev.ioslab.fs;

import static dev.ioslab.fs.IosFileSystemTest.assertError;
import static dev.ioslab.fs.IosFileSystemTest.catchFs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class PathSafetyTest {

    @TempDir
    Path deviceDir;

    @TempDir
    Path outside;

    private FileSystemTable table;
    private IosFileSystem flash;

    @BeforeEach
    void setUp() throws IOException {
        table = TestFileSystems.open(deviceDir);
        flash = TestFileSystems.flash0(table);
        Files.writeString(outside.resolve("secret"), "host secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../..", "../x", "../../x", "a/../../x", "/../etc/passwd", "./../x",
        "flash0:../../x", "flash0:/../x", "flash:..", "nvram:../flash0/x"})
    void refusesDotDotAboveTheRoot(String text) {
        FsException refused = catchFs(() -> table.resolve(text, null));

        assertThat(refused.error()).isEqualTo(FsError.INVALID_PATH);
        assertThat(refused.getMessage()).endsWith("(Invalid argument)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\0b", "img.bin\0.txt", "a\nb", "a\rb", "a\tb", "a\u001bb", "a\u007fb", "dir\\..\\..\\x",
        "\\etc\\passwd", "C:\\Windows", "caf\u00e9", "a b", "a*b", "a?b", "a|b", "a\"b", "a<b", ".ioslab-index",
        "dir/.ioslab-tmp-1", "...", "a:b"})
    void refusesControlCharactersBackslashesAndReservedNames(String userPath) {
        assertError(() -> flash.resolve(userPath), FsError.INVALID_PATH);
    }

    @Test
    void childNamesCannotClimbOrNest() throws Exception {
        FsPath dir = flash.resolve("dir");

        assertThat(dir.child("img.bin").display()).isEqualTo("flash0:/dir/img.bin");
        for (String name : new String[] {"..", ".", "", "a/b", "a\\b"}) {
            assertThat(catchFs(() -> dir.child(name)).error()).isEqualTo(FsError.INVALID_PATH);
        }
    }

    @Test
    void traversalAttemptsAreLoggedAsWarnings() {
        Logger logger = (Logger) LoggerFactory.getLogger(IosFileSystem.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            catchFs(() -> table.resolve("flash0:../../etc/shadow", null));
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("flash0:../../etc/shadow").contains("Invalid argument");
        });
    }

    @Test
    void refusedInputIsPrintableInTheError() {
        FsException refused = catchFs(() -> flash.resolve("a\0b\u001b[2J"));

        assertThat(refused.path()).isEqualTo("flash0:a?b?[2J");
    }

    @Test
    void refusesOverlongNamesAndPaths() throws Exception {
        String longest = "n".repeat(PathRules.MAX_NAME_LENGTH);
        assertThat(flash.resolve(longest).name()).isEqualTo(longest);

        assertError(() -> flash.resolve("n".repeat(PathRules.MAX_NAME_LENGTH + 1)), FsError.NAME_TOO_LONG);
        String deep = ("d".repeat(60) + "/").repeat(5);
        assertError(() -> flash.resolve(deep), FsError.NAME_TOO_LONG);
    }

    @Test
    void absoluteLookingPathsStayInsideTheRoot() throws Exception {
        FsPath path = table.resolve("/etc/passwd", null);

        assertThat(path.display()).isEqualTo("flash0:/etc/passwd");
        assertError(() -> flash.openChannel(path), FsError.NO_SUCH_FILE);
        assertError(() -> flash.openChannel(table.resolve(outside.resolve("secret").toString(), null)),
                FsError.NO_SUCH_FILE);
    }

    @Test
    void dotDotInsideTheRootIsNormalised() throws Exception {
        assertThat(table.resolve("flash0:a/b/../c", null).relative()).isEqualTo("a/c");
        assertThat(table.resolve("flash0://a//./b/", null).relative()).isEqualTo("a/b");
    }

    @Test
    void symlinkToAFileOutsideIsNeitherListedNorFollowed() throws Exception {
        Files.createSymbolicLink(deviceDir.resolve("flash0/link"), outside.resolve("secret"));
        FsPath link = flash.resolve("link");

        assertThat(flash.list(flash.root())).isEmpty();
        assertError(() -> flash.openChannel(link), FsError.PERMISSION_DENIED);
        assertError(() -> flash.stat(link), FsError.PERMISSION_DENIED);
        assertError(() -> flash.beginWrite(link, 1), FsError.PERMISSION_DENIED);
        assertError(() -> flash.delete(link), FsError.PERMISSION_DENIED);
        assertError(() -> flash.rename(link, flash.resolve("x"), false), FsError.PERMISSION_DENIED);
        assertThat(flash.space().used()).isZero();
        assertThat(Files.readString(outside.resolve("secret"))).isEqualTo("host secret");
    }

    @Test
    void symlinkToAFolderOutsideCannotBeTraversed() throws Exception {
        Files.createSymbolicLink(deviceDir.resolve("flash0/out"), outside);
        FsPath inside = flash.resolve("out/secret");

        assertError(() -> flash.openChannel(inside), FsError.PERMISSION_DENIED);
        assertError(() -> flash.list(flash.resolve("out")), FsError.PERMISSION_DENIED);
        assertError(() -> flash.beginWrite(flash.resolve("out/planted"), 1), FsError.PERMISSION_DENIED);
        assertError(() -> flash.mkdir(flash.resolve("out/dir")), FsError.PERMISSION_DENIED);
        assertError(() -> flash.deleteRecursive(flash.resolve("out")), FsError.PERMISSION_DENIED);
        assertThat(outside.resolve("planted")).doesNotExist();
        assertThat(outside.resolve("secret")).exists();
    }

    @Test
    void formatRemovesALinkWithoutTouchingItsTarget() throws Exception {
        Files.createSymbolicLink(deviceDir.resolve("flash0/out"), outside);

        flash.format();

        assertThat(deviceDir.resolve("flash0/out")).doesNotExist();
        assertThat(outside.resolve("secret")).hasContent("host secret");
    }

    @Test
    void writesNeverLandOutsideTheRoot() throws Exception {
        try (AtomicWrite write = flash.beginWrite(table.resolve("flash:/a/../x.bin", null), 3)) {
            write.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            write.commit();
        }

        assertThat(deviceDir.resolve("flash0/x.bin")).exists();
        assertThat(TestFileSystems.hostFiles(outside)).containsExactly("secret");
    }
}
