package dev.ioslab.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.TestPki;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upgradable ROM monitor a device records survives a restart through its state file; a damaged file is ignored. */
class BootStateFileTest {

    @TempDir
    Path dir;

    @Test
    void anUpgradedRomMonitorIsStillThereAfterARestart() throws Exception {
        KeyStorage keys = KeyStorage.open(dir.resolve("keys"), TestPki.lab().factoryKeys());
        SoftwareAuthenticity first = new SoftwareAuthenticity(keys, dir.resolve("state"));
        assertThat(first.upgradableRommon()).isEmpty();
        ImageSignature signature = new ImageSignature(ImageMetadata.of(ImageType.ROMMON, KeyType.RELEASE, 'B', "C3900",
                "15.0(1r)M17"), new SignerIdentity("CiscoSystems", "C3900", "CiscoSystems", new BigInteger("75c0c926",
                16)));
        first.recordUpgradableRommon(new SoftwareAuthenticity.BootedImage("flash0:C3900_ROMMON_RM2.srec.SPB",
                signature));

        SoftwareAuthenticity again = new SoftwareAuthenticity(keys, dir.resolve("state"));

        assertThat(again.upgradableRommon()).contains(new SoftwareAuthenticity.BootedImage(
                "flash0:C3900_ROMMON_RM2.srec.SPB", signature));
    }

    @Test
    void aDamagedStateFileMeansNoUpgrade() throws Exception {
        Files.write(dir.resolve("state"), List.of("rommon.path=flash0:x", "rommon.imageType=NOPE"));
        KeyStorage keys = KeyStorage.open(dir.resolve("keys"), TestPki.lab().factoryKeys());
        assertThat(new SoftwareAuthenticity(keys, dir.resolve("state")).upgradableRommon()).isEmpty();
    }
}
