package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageSignature;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.KeyStorage;
import dev.ioslab.image.KeyType;
import dev.ioslab.image.SoftwareAuthenticity;
import dev.ioslab.testing.SmallTmpfs;
import dev.ioslab.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * Key storage (key add, key revoke) and boot state of a device whose host disk (a real 4 MiB tmpfs) is full or
 * read-only: the command prints IOS's cause, the daemon logs one WARN line naming device, file, user and cause, and
 * the files on disk keep their previous contents. Skipped unless the test may mount a tmpfs (root; CI runs as root).
 */
@Timeout(120)
class StateStorageTmpfsTest {

    private static final List<Class<?>> LOGGERS = List.of(KeyAddition.class, KeyRevocation.class,
            UpgradeRomMonitorFileCommand.class);

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private SmallTmpfs disk;
    private RevocationFixture f;

    @BeforeEach
    void setUp() throws Exception {
        disk = SmallTmpfs.mount(dir.resolve("var"), 4);
        f = new RevocationFixture(disk.root().resolve("R1"));
        log.start();
        LOGGERS.forEach(type -> ((Logger) LoggerFactory.getLogger(type)).addAppender(log));
    }

    @AfterEach
    void tearDown() throws Exception {
        LOGGERS.forEach(type -> ((Logger) LoggerFactory.getLogger(type)).detachAppender(log));
        if (disk != null) {
            disk.close();
        }
    }

    /** Makes the host disk fail as {@code how} says: {@code full} or {@code read-only}. */
    private void breakDisk(String how) throws Exception {
        if (how.equals("full")) {
            disk.fill(disk.root().resolve("filler"), 0);
        } else {
            disk.remountReadOnly();
        }
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @ParameterizedTest
    @CsvSource({"full, Not enough space on device", "read-only, Read-only file system"})
    void keyAdditionOnABrokenHostDiskPrintsTheCauseWarnsOnceAndKeepsBothCopies(String how, String cause)
            throws Exception {
        f.boot(ProductionKeyRevocationTest.REVOCATION, RevocationFixture.revocationImage(), "rollover-A");
        byte[] primary = Files.readAllBytes(f.keys().file(KeyStorage.Area.PRIMARY));
        byte[] backup = Files.readAllBytes(f.keys().file(KeyStorage.Area.BACKUP));
        breakDisk(how);

        String out = f.run("software authenticity key add production");

        assertThat(out).contains("Writing the key...e.Failed\r\n%Error writing Primary key storage (" + cause + ")")
                .endsWith("R1#").doesNotContain("Done!");
        assertThat(Files.readAllBytes(f.keys().file(KeyStorage.Area.PRIMARY))).isEqualTo(primary);
        assertThat(Files.readAllBytes(f.keys().file(KeyStorage.Area.BACKUP))).isEqualTo(backup);
        assertThat(warnings()).singleElement().asString().contains("R1", "Primary", "admin", cause);
    }

    @ParameterizedTest
    @CsvSource({"full, Not enough space on device", "read-only, Read-only file system"})
    void keyRevocationOnABrokenHostDiskPrintsTheCauseWarnsOnceAndKeepsBothCopies(String how, String cause)
            throws Exception {
        // The state after the guide's steps 1 and 2: release key B in both copies, a ROM monitor signed with it.
        f.keys().addKey(TestPki.key("release-B").publicKey());
        f.authenticity().recordUpgradableRommon(new SoftwareAuthenticity.BootedImage("flash0:/C3900_ROMMON.SPB",
                new ImageSignature(ImageMetadata.of(ImageType.ROMMON, KeyType.RELEASE, 'B', RevocationFixture.PLATFORM,
                        "15.0(1r)M16"), TestPki.key("release-B").signer())));
        f.boot("flash0:" + ProductionKeyRevocationTest.NEW_IMAGE, RevocationFixture.productionImage('B'),
                "release-B");
        byte[] primary = Files.readAllBytes(f.keys().file(KeyStorage.Area.PRIMARY));
        byte[] backup = Files.readAllBytes(f.keys().file(KeyStorage.Area.BACKUP));
        breakDisk(how);

        String out = f.run("software authenticity key revoke production");

        assertThat(out).contains("Scanning the keys in Primary\r\n%Error writing Primary key storage (" + cause + ")")
                .endsWith("R1#").doesNotContain("Done!");
        assertThat(Files.readAllBytes(f.keys().file(KeyStorage.Area.PRIMARY))).isEqualTo(primary);
        assertThat(Files.readAllBytes(f.keys().file(KeyStorage.Area.BACKUP))).isEqualTo(backup);
        assertThat(warnings()).singleElement().asString().contains("R1", "Primary", "admin", cause);
    }

    @ParameterizedTest
    @CsvSource({"full, Not enough space on device", "read-only, Read-only file system"})
    void romMonitorUpgradeOnABrokenHostDiskPrintsTheCauseWarnsOnceAndRecordsNothing(String how, String cause)
            throws Exception {
        f.put("C3900_ROMMON.SPA", ImageType.ROMMON, "release-A", 10, 1);
        Path state = disk.root().resolve("R1/state");
        assertThat(state).doesNotExist();
        breakDisk(how);

        String out = f.upgrade("upgrade rom-monitor file flash0:C3900_ROMMON.SPA", "y");

        assertThat(out).endsWith("%Error: ROMMON image upgrade failed (" + cause + ")\r\nR1#");
        assertThat(state).doesNotExist();
        assertThat(f.authenticity().upgradableRommon()).isEmpty();
        assertThat(f.reloads).isEmpty();
        assertThat(warnings()).singleElement().asString().contains("R1", "ROMMON", "admin", cause);
    }
}
