package dev.ioslab.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.TestPki;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A factory reset's part in the image package: key storage back to the factory keys, boot state forgotten. */
class FactoryResetStateTest {

    @TempDir
    Path dir;

    @Test
    void keyStorageResetRewritesBothCopiesWithTheFactoryKeysAllActive() throws Exception {
        List<SoftwareKey> factory = TestPki.lab().factoryKeys();
        KeyStorage keys = KeyStorage.open(dir.resolve("keys"), List.of());
        assertThat(keys.list()).isEmpty();

        keys.resetTo(factory);

        assertThat(keys.list()).hasSize(factory.size()).allMatch(StoredKey::isActive);
        assertThat(keys.readArea(KeyStorage.Area.PRIMARY)).contains(keys.list());
        assertThat(keys.readArea(KeyStorage.Area.BACKUP)).contains(keys.list());
        assertThat(KeyStorage.open(dir.resolve("keys"), List.of()).list()).isEqualTo(keys.list());
    }

    @Test
    void clearedBootStateForgetsTheRomMonitorUpgradeAlsoAfterARestart() throws Exception {
        KeyStorage keys = KeyStorage.open(dir.resolve("keys"), TestPki.lab().factoryKeys());
        SoftwareAuthenticity state = new SoftwareAuthenticity(keys, dir.resolve("state"));
        state.recordUpgradableRommon(new SoftwareAuthenticity.BootedImage("flash0:C3900_ROMMON_RM2.srec.SPB",
                new ImageSignature(ImageMetadata.of(ImageType.ROMMON, KeyType.RELEASE, 'B', "C3900", "15.0(1r)M17"),
                        new SignerIdentity("CiscoSystems", "C3900", "CiscoSystems", BigInteger.TEN))));
        state.setDebugging(DebugCategory.values()[0], true);

        state.clearBootState();

        assertThat(state.upgradableRommon()).isEmpty();
        assertThat(state.debugging()).isEmpty();
        assertThat(dir.resolve("state")).doesNotExist();
        assertThat(new SoftwareAuthenticity(keys, dir.resolve("state")).upgradableRommon()).isEmpty();
    }
}
