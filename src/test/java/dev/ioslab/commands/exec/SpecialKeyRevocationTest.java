package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.KeyState;
import dev.ioslab.image.KeyStorage;
import dev.ioslab.image.KeyType;
import dev.ioslab.image.StoredKey;
import dev.ioslab.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The special key revocation of Cisco's "Digitally Signed Cisco Software" guide, from a production image that
 * bundles development key B: {@code software authenticity key add special}, the new ROM monitor signed with
 * development key B, and {@code software authenticity key revoke special}, with the guide's lines.
 */
class SpecialKeyRevocationTest {

    static final String PRODUCTION = "flash0:c3900-universalk9-mz.SPA.157-3.M8.bin";
    static final String DEV_ROMMON = "C3900_PRIV_RM2.srec.SSB";

    @TempDir
    Path dir;

    RevocationFixture f;

    @BeforeEach
    void device() throws Exception {
        f = new RevocationFixture(dir);
    }

    @Test
    void theGuidesWalkAddsTheNewKeyUpgradesTheRommonAndRevokesTheOldKey() throws Exception {
        f.boot(PRODUCTION, RevocationFixture.productionImage('A'), "release-A");
        // The guide's example, line for line.
        assertThat(f.run("software authenticity key add special")).isEqualTo(
                "software authenticity key add special\r\n"
                        + "Validating running image...\r\n"
                        + "Validating new special key...\r\n"
                        + "Adding the key to Primary\r\n"
                        + "Checking for duplicate keys\r\n"
                        + "Writing the key...e.Success\r\n"
                        + "Adding the key to Backup\r\n"
                        + "Checking for duplicate keys\r\n"
                        + "Writing the key...e.Success\r\n"
                        + "Done!\r\n"
                        + "R1#");
        f.bothCopiesHold("key development B active 10001");
        f.bothCopiesHold("key development A active 10001");

        f.put(DEV_ROMMON, ImageType.ROMMON, "development-B", 300_000, 1);
        assertThat(f.upgrade("upgrade rom-monitor file flash0:" + DEV_ROMMON, "yes")).isEqualTo(
                "upgrade rom-monitor file flash0:" + DEV_ROMMON + "\r\n"
                        + "Platform Field Upgradeable ROMMON LOAD test\r\n"
                        + "-------------------------------------------\r\n"
                        + "RSA Signature Verification Passed ...\r\n"
                        + "ROM: Digitally Signed Development Software\r\n"
                        + "This command will result in a 'power-on reset' of the router!\r\n"
                        + "Continue? [yes/no]: yes\r\n"
                        + "ROMMON image upgrade in progress.\r\n"
                        + "Erasing boot flash eeeeeeeeeeeeeeeeeeeeeee\r\n"
                        + "Programming boot flash .....\r\n"
                        + "Now Reloading\r\n"
                        + "R1#");
        assertThat(f.reloads).containsExactly("Reload Command");
        ImageMetadata rommon = f.authenticity().upgradableRommon().orElseThrow().signature().metadata();
        assertThat(rommon.imageType()).isEqualTo(ImageType.ROMMON);
        assertThat(rommon.keyType()).isEqualTo(KeyType.DEVELOPMENT);
        assertThat(rommon.keyVersion()).isEqualTo('B');
        assertThat(f.authenticity().upgradableRommon().orElseThrow().path()).isEqualTo("flash0:/" + DEV_ROMMON);

        f.t.text("terminal monitor\r");
        assertThat(f.run("software authenticity key revoke special")).isEqualTo(
                "software authenticity key revoke special\r\n"
                        + "Finding the new special key in the key storage\r\n"
                        + "Validating running image...\r\n"
                        + "Revoking keys with version less than B\r\n"
                        + "Validating upgradable rommon...\r\n"
                        + "Scanning the keys in Primary\r\n"
                        + "Revoking the key with version A...e.Success\r\n"
                        + "Scanning the keys in Backup\r\n"
                        + "Revoking the key with version A...e.Success\r\n"
                        + "Done!\r\n"
                        + "*Nov 27 10:00:00.000: %DIGISIGN-4-DEV_IMAGE: Upgradable rommon software signed using"
                        + " special key version B\r\n"
                        + "R1#");
        f.bothCopiesHold("key development A revoked 10001");
        f.bothCopiesHold("key development B active 10001");
        // The production key is not touched by a special key revocation.
        f.bothCopiesHold("key release A active 10001");

        f.put("c3900-universalk9-mz.SSA.bin", RevocationFixture.specialImage(), "development-A", 1000, 2);
        assertThat(f.run("verify flash0:c3900-universalk9-mz.SSA.bin")).endsWith("%DIGISIGN-3-VERIFICATION_FAILED:"
                + " %Digital signature verification failed for file flash0:c3900-universalk9-mz.SSA.bin: development"
                + " key version A is revoked\r\nR1#");
        KeyStorage reopened = KeyStorage.open(dir.resolve("keys"), TestPki.lab().factoryKeys());
        assertThat(reopened.find(KeyType.DEVELOPMENT, 'A')).map(StoredKey::state).contains(KeyState.REVOKED);
    }

    @Test
    void addSpecialIsRefusedFromSpecialAndRevocationImages() throws Exception {
        String before = f.onDisk(KeyStorage.Area.PRIMARY);
        f.boot("flash0:x.SSA.bin", RevocationFixture.specialImage(), "development-A");
        assertThat(f.run("software authenticity key add special")).isEqualTo(
                "software authenticity key add special\r\n"
                        + "Validating running image...\r\n"
                        + "%Error: Running image is a special image; a special key can be added only from a"
                        + " production image\r\n"
                        + "R1#");
        f.boot("flash0:x.SRA.bin", RevocationFixture.revocationImage(), "rollover-A");
        assertThat(f.run("software authenticity key add special")).endsWith(
                "%Error: Running image is a revocation image; a special key can be added only from a production"
                        + " image\r\nR1#");
        f.boot(PRODUCTION, ImageMetadata.of(ImageType.PRODUCTION, KeyType.RELEASE, 'A', RevocationFixture.PLATFORM,
                "15.7(3)M8"), "release-A");
        assertThat(f.run("software authenticity key add special")).endsWith(
                "Validating new special key...\r\n"
                        + "%Error: Running image does not bundle a new special key\r\n"
                        + "R1#");
        assertThat(f.onDisk(KeyStorage.Area.PRIMARY)).isEqualTo(before);
    }

    @Test
    void revokeSpecialIsRefusedFromASpecialImageAndWhileTheRommonUsesTheOldKey() throws Exception {
        f.boot("flash0:x.SSA.bin", RevocationFixture.specialImage(), "development-A");
        assertThat(f.run("software authenticity key revoke special")).isEqualTo(
                "software authenticity key revoke special\r\n"
                        + "Finding the new special key in the key storage\r\n"
                        + "Validating running image...\r\n"
                        + "%Error: Running image is a special image; keys can be revoked only from a production"
                        + " image\r\n"
                        + "R1#");
        f.boot(PRODUCTION, RevocationFixture.productionImage('A'), "release-A");
        f.run("software authenticity key add special");
        f.put("C3900_PRIV_RM2.srec.SSA", ImageType.ROMMON, "development-A", 1000, 3);
        f.upgrade("upgrade rom-monitor file flash0:C3900_PRIV_RM2.srec.SSA", "yes");
        String before = f.onDisk(KeyStorage.Area.PRIMARY);
        assertThat(f.run("software authenticity key revoke special")).endsWith(
                "Revoking keys with version less than B\r\n"
                        + "Validating upgradable rommon...\r\n"
                        + "%Error: Upgradable rommon is signed with special key version A; upgrade it to a rommon"
                        + " signed with special key version B first\r\n"
                        + "R1#");
        assertThat(f.onDisk(KeyStorage.Area.PRIMARY)).isEqualTo(before);

        // A release-signed ROM monitor does not hold the special key back.
        f.put("C3900_ROMMON_RM2.srec.SPA", ImageType.ROMMON, "release-A", 1000, 4);
        f.upgrade("upgrade rom-monitor file flash0:C3900_ROMMON_RM2.srec.SPA", "yes");
        f.t.text("terminal monitor\r");
        assertThat(f.run("software authenticity key revoke special")).endsWith(
                "Revoking the key with version A...e.Success\r\nDone!\r\nR1#");
    }

    @Test
    void revocationDebuggingShowsEachStep() throws Exception {
        f.boot(PRODUCTION, RevocationFixture.productionImage('A'), "release-A");
        f.t.text("terminal monitor\r");
        f.run("debug software authenticity revocation");
        assertThat(f.run("software authenticity key add special")).contains(
                "*Nov 27 10:00:00.000: DIGISIGN: revocation: added special key version B to Primary\r\n"
                        + "Writing the key...e.Success\r\n");
        assertThat(f.run("software authenticity key revoke special")).contains(
                "*Nov 27 10:00:00.000: DIGISIGN: revocation: revoked special key version A in Backup\r\n"
                        + "Revoking the key with version A...e.Success\r\n");
    }

    @Test
    void theKeyCommandsAndTheUpgradeStatusOfferHelp() {
        assertThat(f.t.text("software authenticity key ?")).isEqualTo("software authenticity key ?\r\n"
                + "  add     Add the key the running image bundles to the key storage\r\n"
                + "  revoke  Revoke the keys older than the newest one in the key storage\r\n"
                + "\r\nR1#software authenticity key ");
        f.t.type("<C-u>");
        assertThat(f.t.text("software authenticity key revoke ?")).contains(
                "  production  Production (release) key\r\n  special     Special (development) key\r\n");
        f.t.type("<C-u>");
        assertThat(f.t.text("show software authenticity ?")).contains(
                "  upgrade-status  Show the production key upgrade status of the images and key storage\r\n");
    }
}
