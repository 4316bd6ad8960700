package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ioslab.testing.CliTester;
import dev.ioslab.testing.SmallTmpfs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code mkdir}, {@code rename}, {@code delete} and {@code format} on a device whose host disk (a real tmpfs) turned
 * read-only: IOS's error at the prompt, one WARN line in the log naming device, path, user and cause, and flash as it
 * was. A mistake of the user's (a file that is not there) is not the operator's business and logs nothing. Skipped
 * unless the test may mount a tmpfs (root; CI runs as root).
 */
@Timeout(60)
class FileCommandsHostFailureTest {

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(StorageFailureLog.class);
    private SmallTmpfs disk;
    private CliTester t;

    @BeforeEach
    void setUp() throws Exception {
        disk = SmallTmpfs.mount(dir.resolve("var"), 4);
        t = CliTester.privileged(disk.root());
        t.text("mkdir flash0:kept\r");
        t.text("\r");
        t.text("copy running-config flash0:saved.cfg\r");
        t.text("\r");
        assertThat(t.text("dir flash0:\r")).contains("kept").contains("saved.cfg");
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void tearDown() throws Exception {
        logger.detachAppender(log);
        if (disk != null) {
            disk.close();
        }
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void eachFailedChangeOnAReadOnlyHostDiskPrintsTheCauseAndWarnsOnce() throws Exception {
        disk.remountReadOnly();

        t.text("mkdir flash0:new\r");
        assertThat(t.text("\r")).contains("%Error creating directory flash0:/new (Read-only file system)");
        assertThat(warnings()).hasSize(1).first().asString()
                .startsWith("R1: creating directory flash0:/new for admin from ")
                .contains("failed: Read-only file system (host: ");

        t.text("rename flash0:saved.cfg flash0:other.cfg\r");
        assertThat(t.text("\r")).contains("%Error renaming flash0:/saved.cfg (Read-only file system)");
        assertThat(warnings()).hasSize(2).last().asString().startsWith("R1: renaming flash0:/saved.cfg for admin");

        t.text("delete flash0:saved.cfg\r");
        t.text("\r");
        assertThat(t.text("\r")).contains("%Error deleting flash0:/saved.cfg (Read-only file system)");
        assertThat(warnings()).hasSize(3).last().asString().startsWith("R1: deleting flash0:/saved.cfg for admin");

        t.text("format flash0:\r");
        t.text("\r");
        assertThat(t.text("\r")).contains("%Error formatting flash0: (Read-only file system)");
        assertThat(warnings()).hasSize(4).last().asString().startsWith("R1: formatting flash0: for admin");

        assertThat(t.text("dir flash0:\r")).contains("kept").contains("saved.cfg").doesNotContain("other.cfg")
                .doesNotContain("new");
    }

    @Test
    void aMistakeOfTheUsersLogsNothing() {
        t.text("delete flash0:missing.cfg\r");
        t.text("\r");
        assertThat(t.text("\r")).contains("%Error deleting flash0:");
        assertThat(warnings()).isEmpty();
    }
}
