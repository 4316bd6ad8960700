package dev.ioslab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key storage changes made copy by copy, as {@code software authenticity key add|revoke} reports them. */
class KeyStorageAreaTest {

    @TempDir
    Path dir;

    private final List<Path> writes = new ArrayList<>();

    private KeyStorage open() throws Exception {
        KeyStorage keys = KeyStorage.open(dir, TestPki.lab().factoryKeys(), writes::add);
        keys.resetTo(TestPki.lab().factoryKeys());
        writes.clear();
        return keys;
    }

    @Test
    void aFreshStorageWritesItsFactoryKeysToBothCopiesBeforeItsFirstChangeCopyByCopy() throws Exception {
        KeyStorage keys = KeyStorage.open(dir, TestPki.lab().factoryKeys(), writes::add);
        assertThat(keys.readArea(KeyStorage.Area.BACKUP).orElseThrow()).isEqualTo(keys.list());
        assertThat(writes).isEmpty();

        assertThat(keys.addKey(lab("release-B"), KeyStorage.Area.PRIMARY)).isEqualTo(KeyStorage.AddResult.ADDED);

        assertThat(writes).containsExactly(keys.primaryFile(), keys.backupFile(), keys.primaryFile());
        assertThat(keys.readArea(KeyStorage.Area.BACKUP).orElseThrow()).extracting(k -> k.key().label())
                .containsExactly("release-A", "development-A", "rollover-A");
        assertThat(keys.readArea(KeyStorage.Area.PRIMARY).orElseThrow()).extracting(k -> k.key().label())
                .containsExactly("release-A", "release-B", "development-A", "rollover-A");
    }

    private static SoftwareKey lab(String label) {
        return TestPki.key(label).publicKey();
    }

    @Test
    void addingToThePrimaryWritesOnlyThePrimaryThenTheBackupBecomesItsCopy() throws Exception {
        KeyStorage keys = open();
        assertThat(keys.addKey(lab("release-B"), KeyStorage.Area.PRIMARY)).isEqualTo(KeyStorage.AddResult.ADDED);
        assertThat(writes).containsExactly(keys.primaryFile());
        assertThat(keys.find(KeyType.RELEASE, 'B')).isPresent();
        assertThat(keys.readArea(KeyStorage.Area.BACKUP).orElseThrow()).extracting(k -> k.key().label())
                .doesNotContain("release-B");
        assertThat(keys.addKey(lab("release-B"), KeyStorage.Area.BACKUP)).isEqualTo(KeyStorage.AddResult.ADDED);
        assertThat(writes).containsExactly(keys.primaryFile(), keys.backupFile());
        assertThat(Files.readAllBytes(keys.backupFile())).isEqualTo(Files.readAllBytes(keys.primaryFile()));
        assertThat(keys.addKey(lab("release-B"), KeyStorage.Area.PRIMARY))
                .isEqualTo(KeyStorage.AddResult.ALREADY_PRESENT);
        assertThat(keys.addKey(lab("release-B"), KeyStorage.Area.BACKUP))
                .isEqualTo(KeyStorage.AddResult.ALREADY_PRESENT);
        assertThat(writes).hasSize(2);
    }

    @Test
    void theBackupIsCheckedAsItIsOnDisk() throws Exception {
        KeyStorage keys = open();
        keys.addKey(lab("development-B"), KeyStorage.Area.PRIMARY);
        Files.delete(keys.backupFile());
        assertThat(keys.readArea(KeyStorage.Area.BACKUP)).isEmpty();
        assertThat(keys.addKey(lab("development-B"), KeyStorage.Area.BACKUP)).isEqualTo(KeyStorage.AddResult.ADDED);
        assertThat(keys.readArea(KeyStorage.Area.BACKUP).orElseThrow()).isEqualTo(keys.list());
        Files.writeString(keys.backupFile(), "damaged");
        assertThat(keys.readArea(KeyStorage.Area.BACKUP)).isEmpty();
        assertThat(keys.readArea(KeyStorage.Area.PRIMARY).orElseThrow()).isEqualTo(keys.list());
    }

    @Test
    void aKeyMustBeInThePrimaryBeforeTheBackup() throws Exception {
        KeyStorage keys = open();
        assertThatThrownBy(() -> keys.addKey(lab("release-B"), KeyStorage.Area.BACKUP))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("release-B");
        assertThat(writes).isEmpty();
        SoftwareKey other = TestPki.foreign().find("release-A").orElseThrow().publicKey();
        assertThat(keys.addKey(other, KeyStorage.Area.PRIMARY)).isEqualTo(KeyStorage.AddResult.CONFLICT);
        assertThat(keys.addKey(other, KeyStorage.Area.BACKUP)).isEqualTo(KeyStorage.AddResult.CONFLICT);
    }

    @Test
    void revokingCopyByCopyKeepsTheKeysRevokedInBoth() throws Exception {
        KeyStorage keys = open();
        keys.addKey(lab("release-B"));
        writes.clear();
        assertThatThrownBy(() -> keys.revokeOlderThan(KeyType.RELEASE, 'B', KeyStorage.Area.BACKUP))
                .isInstanceOf(IllegalStateException.class);
        List<StoredKey> revoked = keys.revokeOlderThan(KeyType.RELEASE, 'B', KeyStorage.Area.PRIMARY);
        assertThat(revoked).extracting(k -> k.key().label(), StoredKey::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("release-A", KeyState.REVOKED));
        assertThat(writes).containsExactly(keys.primaryFile());
        assertThat(keys.readArea(KeyStorage.Area.BACKUP).orElseThrow().stream()
                .filter(k -> k.key().label().equals("release-A")).findFirst().orElseThrow().isActive()).isTrue();
        assertThat(keys.revokeOlderThan(KeyType.RELEASE, 'B', KeyStorage.Area.BACKUP)).isEqualTo(revoked);
        assertThat(Files.readAllBytes(keys.backupFile())).isEqualTo(Files.readAllBytes(keys.primaryFile()));
        assertThat(keys.revokeOlderThan(KeyType.RELEASE, 'B', KeyStorage.Area.PRIMARY)).isEmpty();
        assertThat(keys.revokeOlderThan(KeyType.RELEASE, 'B', KeyStorage.Area.BACKUP)).isEmpty();
        assertThat(writes).hasSize(2);
        assertThatThrownBy(() -> keys.revokeOlderThan(KeyType.RELEASE, 'C', KeyStorage.Area.PRIMARY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no active release key version C");
        // A missing backup has nothing to revoke but is restored from the primary.
        Files.delete(keys.backupFile());
        assertThat(keys.revokeOlderThan(KeyType.RELEASE, 'B', KeyStorage.Area.BACKUP)).isEmpty();
        assertThat(Files.readAllBytes(keys.backupFile())).isEqualTo(Files.readAllBytes(keys.primaryFile()));
        KeyStorage reopened = KeyStorage.open(dir, TestPki.lab().factoryKeys());
        assertThat(reopened.find(KeyType.RELEASE, 'A').orElseThrow().state()).isEqualTo(KeyState.REVOKED);
    }
}
