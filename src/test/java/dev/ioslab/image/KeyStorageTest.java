package dev.ioslab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ioslab.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class KeyStorageTest {

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(KeyStorage.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    private List<String> logged(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static List<SoftwareKey> factory() {
        return TestPki.lab().factoryKeys();
    }

    private static SoftwareKey lab(String label) {
        return TestPki.key(label).publicKey();
    }

    private KeyStorage open() throws IOException {
        return KeyStorage.open(dir, factory());
    }

    /** A storage whose two copies are on disk: the factory keys, written by a factory reset. */
    private KeyStorage written() throws IOException {
        KeyStorage keys = open();
        keys.resetTo(factory());
        return keys;
    }

    @Test
    void aFreshDeviceHoldsTheFactoryKeysAndWritesBothCopiesOnlyWithItsFirstChange() throws Exception {
        KeyStorage keys = open();
        assertThat(dir.resolve("primary")).doesNotExist();
        assertThat(dir.resolve("backup")).doesNotExist();
        assertThat(keys.list()).extracting(k -> k.key().label(), StoredKey::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("release-A", KeyState.ACTIVE),
                org.assertj.core.groups.Tuple.tuple("development-A", KeyState.ACTIVE),
                org.assertj.core.groups.Tuple.tuple("rollover-A", KeyState.ACTIVE));
        assertThat(keys.find(KeyType.RELEASE, 'A').orElseThrow().key()).isEqualTo(lab("release-A"));

        keys.addKey(lab("release-B"));
        assertThat(Files.readAllBytes(keys.backupFile())).isEqualTo(Files.readAllBytes(keys.primaryFile()));
        assertThat(Files.readString(keys.primaryFile()))
                .startsWith("ioslab-key-storage 1\nkey release A active 10001 ");
        assertThat(open().list()).extracting(k -> k.key().label())
                .containsExactly("release-A", "release-B", "development-A", "rollover-A");
    }

    @Test
    void reopeningAHealthyStorageWritesNothing() throws Exception {
        written();
        List<Path> writes = new ArrayList<>();
        KeyStorage again = KeyStorage.open(dir, factory(), writes::add);
        assertThat(writes).isEmpty();
        assertThat(again.list()).hasSize(3);
        assertThat(logged(Level.WARN)).isEmpty();
    }

    @Test
    void withoutFactoryKeysAFreshStorageStaysEmptyAndUnwritten() throws Exception {
        KeyStorage keys = KeyStorage.open(dir, List.of());
        assertThat(keys.list()).isEmpty();
        assertThat(Files.exists(keys.primaryFile())).isFalse();
        assertThat(keys.addKey(lab("release-A"))).isEqualTo(KeyStorage.AddResult.ADDED);
        assertThat(KeyStorage.open(dir, factory()).list()).extracting(k -> k.key().label())
                .containsExactly("release-A");
    }

    @Test
    void aDamagedPrimaryIsRestoredFromTheBackup() throws Exception {
        KeyStorage keys = written();
        byte[] good = Files.readAllBytes(keys.primaryFile());
        byte[] damaged = good.clone();
        damaged[60] ^= 0x01;
        Files.write(keys.primaryFile(), damaged);
        KeyStorage repaired = open();
        assertThat(repaired.list()).isEqualTo(keys.list());
        assertThat(Files.readAllBytes(keys.primaryFile())).isEqualTo(good);
        assertThat(logged(Level.WARN)).singleElement().asString()
                .contains("primary copy is damaged (checksum mismatch); restored from the backup copy");
    }

    @Test
    void aMissingOrTruncatedBackupIsRestoredFromThePrimary() throws Exception {
        KeyStorage keys = written();
        byte[] good = Files.readAllBytes(keys.backupFile());
        Files.delete(keys.backupFile());
        open();
        assertThat(Files.readAllBytes(keys.backupFile())).isEqualTo(good);
        Files.write(keys.backupFile(), java.util.Arrays.copyOf(good, good.length / 2));
        open();
        assertThat(Files.readAllBytes(keys.backupFile())).isEqualTo(good);
        assertThat(logged(Level.WARN)).hasSize(2);
        assertThat(logged(Level.WARN).get(0)).contains("backup copy is missing; restored from the primary copy");
        assertThat(logged(Level.WARN).get(1)).contains("backup copy is damaged (truncated");
    }

    @Test
    void bothCopiesDamagedAreKeptAsideAndTheDeviceIsProvisionedAfresh() throws Exception {
        KeyStorage keys = open();
        keys.addKey(lab("release-B"));
        Files.writeString(keys.primaryFile(), "garbage\n");
        Files.writeString(keys.backupFile(), "");
        KeyStorage fresh = open();
        assertThat(fresh.list()).extracting(k -> k.key().label())
                .containsExactly("release-A", "development-A", "rollover-A");
        assertThat(Files.readString(dir.resolve("primary.damaged"))).isEqualTo("garbage\n");
        assertThat(dir.resolve("backup.damaged")).exists();
        assertThat(logged(Level.ERROR)).singleElement().asString().contains("kept as *.damaged");
    }

    @Test
    void everyWriteGoesToThePrimaryThenTheBackup() throws Exception {
        List<Path> writes = new ArrayList<>();
        KeyStorage keys = KeyStorage.open(dir, factory(), writes::add);
        assertThat(writes).isEmpty();
        keys.addKey(lab("development-B"));
        keys.revokeOlderThan(KeyType.DEVELOPMENT, 'B');
        assertThat(writes).containsExactly(keys.primaryFile(), keys.backupFile(), keys.primaryFile(),
                keys.backupFile());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("primary", "backup");
        }
    }

    @Test
    void aCrashBetweenPrimaryAndBackupIsRepairedFromTheNewerPrimary() throws Exception {
        written();
        KeyStorage keys = KeyStorage.open(dir, factory(), file -> {
            if (file.getFileName().toString().equals("primary")) {
                throw new IllegalStateException("power lost after the primary copy");
            }
        });
        assertThatThrownBy(() -> keys.addKey(lab("release-B"))).hasMessageContaining("power lost");
        KeyStorage reopened = open();
        assertThat(reopened.find(KeyType.RELEASE, 'B')).isPresent();
        assertThat(Files.readAllBytes(reopened.backupFile())).isEqualTo(Files.readAllBytes(reopened.primaryFile()));
        assertThat(logged(Level.WARN)).singleElement().asString()
                .contains("backup copy differs (an interrupted write); restored from the primary copy");
    }

    @Test
    void addingAKeyTwiceOrAnotherKeyUnderTheSameNameChangesNothing() throws Exception {
        KeyStorage keys = open();
        assertThat(keys.addKey(lab("release-A"))).isEqualTo(KeyStorage.AddResult.ALREADY_PRESENT);
        SoftwareKey impostor = TestPki.foreign().find("release-A").orElseThrow().publicKey();
        assertThat(keys.addKey(impostor)).isEqualTo(KeyStorage.AddResult.CONFLICT);
        assertThat(keys.find(KeyType.RELEASE, 'A').orElseThrow().key()).isEqualTo(lab("release-A"));
    }

    @Test
    void revokingOlderKeysKeepsTheNewOneAndSurvivesARestart() throws Exception {
        KeyStorage keys = open();
        assertThatThrownBy(() -> keys.revokeOlderThan(KeyType.DEVELOPMENT, 'B'))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no active development key version B or later in the key storage");
        keys.addKey(lab("development-B"));
        List<StoredKey> revoked = keys.revokeOlderThan(KeyType.DEVELOPMENT, 'B');
        assertThat(revoked).extracting(k -> k.key().label()).containsExactly("development-A");
        assertThat(keys.revokeOlderThan(KeyType.DEVELOPMENT, 'B')).isEmpty();
        KeyStorage reopened = open();
        assertThat(reopened.find(KeyType.DEVELOPMENT, 'A').orElseThrow().state()).isEqualTo(KeyState.REVOKED);
        assertThat(reopened.find(KeyType.DEVELOPMENT, 'B').orElseThrow().isActive()).isTrue();
        assertThat(reopened.find(KeyType.RELEASE, 'A').orElseThrow().isActive()).isTrue();
    }

    @Test
    void editedFilesAreDamagedEvenWithAValidChecksumLine() throws Exception {
        assertDamaged("ioslab-key-storage 2\n");
        assertDamaged("ioslab-key-storage 1\nkey release A active 10001 00FF\n");
        assertDamaged("ioslab-key-storage 1\nkey release 1 active 10001 "
                + "AB".repeat(256) + "\n");
        String line = "key release A active 10001 " + java.util.HexFormat.of().withUpperCase().formatHex(
                KeyStorageFormat.unsigned(lab("release-A").modulus())) + "\n";
        assertDamaged("ioslab-key-storage 1\n" + line + line);
    }

    private void assertDamaged(String body) throws Exception {
        byte[] withSum = withChecksum(body);
        assertThatThrownBy(() -> KeyStorageFormat.decode(withSum))
                .isInstanceOf(KeyStorageFormat.DamagedException.class);
    }

    private static byte[] withChecksum(String body) throws Exception {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String sum = java.util.HexFormat.of().withUpperCase().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        return (body + "sha256 " + sum + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
