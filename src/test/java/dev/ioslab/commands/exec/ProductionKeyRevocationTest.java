package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.image.ImageType;
import dev.ioslab.image.KeyState;
import dev.ioslab.image.KeyStorage;
import dev.ioslab.image.KeyType;
import dev.ioslab.image.StoredKey;
import dev.ioslab.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production key revocation of Cisco's "Digitally Signed Cisco Software" guide: {@code software authenticity
 * key add production} from a revocation image, {@code show software authenticity upgrade-status}, the new images and
 * ROM monitor, and {@code software authenticity key revoke production} from a production image signed with release
 * key B.
 */
class ProductionKeyRevocationTest {

    static final String REVOCATION = "flash0:c3900-universalk9-mz.SRA.151-4.M.bin";
    static final String NEW_IMAGE = "c3900-universalk9-mz.SPB.157-3.M9.bin";
    static final String NEW_ROMMON = "C3900_ROMMON_RM2.srec.SPB";

    static final String ADDED = "software authenticity key add production\r\n"
            + "Validating running image...\r\n"
            + "Validating new production key...\r\n"
            + "Adding the key to Primary\r\n"
            + "Checking for duplicate keys\r\n"
            + "Writing the key...e.Success\r\n"
            + "Adding the key to Backup\r\n"
            + "Checking for duplicate keys\r\n"
            + "Writing the key...e.Success\r\n"
            + "Done!\r\n"
            + "R1#";

    @TempDir
    Path dir;

    RevocationFixture f;

    @BeforeEach
    void device() throws Exception {
        f = new RevocationFixture(dir);
    }

    static String status(String newKey, String primary, String backup, String autoboot, String bootSigned,
                         String rommon, String rommonSigned, String complete) {
        return "show software authenticity upgrade-status\r\n"
                + "PRODUCTION KEY UPGRADE STATUS\r\n"
                + "-----------------------------\r\n"
                + "New production key version    : " + newKey + "\r\n"
                + "    Primary key storage       : " + primary + "\r\n"
                + "    Backup key storage        : " + backup + "\r\n"
                + "Autoboot image                : " + autoboot + "\r\n"
                + "    Signed with new key       : " + bootSigned + "\r\n"
                + "Upgradable ROMMON             : " + rommon + "\r\n"
                + "    Signed with new key       : " + rommonSigned + "\r\n"
                + "Upgrade complete              : " + complete + "\r\n"
                + "R1#";
    }

    @Test
    void theWholeWalkFromTheRevocationImageToTheRevokedKey() throws Exception {
        f.boot(REVOCATION, RevocationFixture.revocationImage(), "rollover-A");
        assertThat(f.run("show software authenticity upgrade-status")).isEqualTo(status("B", "Not installed",
                "Not installed", "Not configured", "No", "Not installed", "No", "No"));

        // Step 1: the revocation image adds the production key it bundles to both copies.
        assertThat(f.run("software authenticity key add production")).isEqualTo(ADDED);
        f.bothCopiesHold("key release B active 10001");
        assertThat(f.keys().find(KeyType.RELEASE, 'B').orElseThrow().key())
                .isEqualTo(TestPki.key("release-B").publicKey());

        // Step 2: the check; then the new image and ROM monitor are copied in and boot system points to the image.
        assertThat(f.run("show software authenticity upgrade-status")).isEqualTo(status("B", "Installed",
                "Installed", "Not configured", "No", "Not installed", "No", "No"));
        f.put(NEW_IMAGE, RevocationFixture.productionImage('B'), "release-B", 300_000, 1);
        f.put(NEW_ROMMON, ImageType.ROMMON, "release-B", 200_000, 2);
        f.t.text("configure terminal\r");
        f.t.text("boot system flash0:" + NEW_IMAGE + "\r");
        f.t.text("end\r");
        assertThat(f.run("show software authenticity upgrade-status")).isEqualTo(status("B", "Installed",
                "Installed", "flash0:" + NEW_IMAGE, "Yes", "Not installed", "No", "No"));
        assertThat(f.upgrade("upgrade rom-monitor file flash0:" + NEW_ROMMON, "yes"))
                .contains("ROM: Digitally Signed Release Software\r\n").endsWith("Now Reloading\r\nR1#");
        assertThat(f.reloads).containsExactly("Reload Command");
        assertThat(f.run("show software authenticity upgrade-status")).isEqualTo(status("B", "Installed",
                "Installed", "flash0:" + NEW_IMAGE, "Yes", "flash0:/" + NEW_ROMMON, "Yes", "Yes"));

        // Steps 3 and 4: the device reloads onto the new image, which revokes the old key.
        f.boot("flash0:" + NEW_IMAGE, RevocationFixture.productionImage('B'), "release-B");
        assertThat(f.run("software authenticity key revoke production")).isEqualTo(
                "software authenticity key revoke production\r\n"
                        + "Finding the new production key in the key storage\r\n"
                        + "Validating running image...\r\n"
                        + "Revoking keys with version less than B\r\n"
                        + "Validating upgradable rommon...\r\n"
                        + "Scanning the keys in Primary\r\n"
                        + "Revoking the key with version A...e.Success\r\n"
                        + "Scanning the keys in Backup\r\n"
                        + "Revoking the key with version A...e.Success\r\n"
                        + "Done!\r\n"
                        + "R1#");
        f.bothCopiesHold("key release A revoked 10001");
        f.bothCopiesHold("key release B active 10001");
        assertThat(f.keys().find(KeyType.RELEASE, 'A').orElseThrow().state()).isEqualTo(KeyState.REVOKED);

        // Images signed with the revoked key no longer verify; the new ones do.
        FsFixture.put(f.t, "flash0", "old.SPA.bin", TestPki.production(FsFixture.random(1000, 3)));
        assertThat(f.run("verify flash0:old.SPA.bin")).endsWith("%DIGISIGN-3-VERIFICATION_FAILED: %Digital"
                + " signature verification failed for file flash0:old.SPA.bin: release key version A is revoked"
                + "\r\nR1#");
        assertThat(f.run("verify flash0:" + NEW_IMAGE)).contains("Digital signature successfully verified");
        assertThat(f.run("show software authenticity keys")).doesNotContain("Key Type             : Production"
                + "  (Primary)\r\nPublic Key Algorithm : RSA\r\nModulus (256 bytes)   :\r\n"
                + ShowSoftwareAuthenticityKeysCommand.modulusLines(modulus("release-A")).get(0));

        // Revoked keys stay revoked: repeating the revocation finds nothing, and the storage reopens the same.
        assertThat(f.run("software authenticity key revoke production")).contains(
                "Scanning the keys in Primary\r\nNo keys with version less than B\r\n"
                        + "Scanning the keys in Backup\r\nNo keys with version less than B\r\nDone!");
        KeyStorage reopened = KeyStorage.open(dir.resolve("keys"), TestPki.lab().factoryKeys());
        assertThat(reopened.find(KeyType.RELEASE, 'A')).map(StoredKey::state).contains(KeyState.REVOKED);
    }

    private static byte[] modulus(String label) {
        byte[] b = TestPki.key(label).publicKey().modulus().toByteArray();
        return b.length == 257 ? java.util.Arrays.copyOfRange(b, 1, 257) : b;
    }

    @Test
    void addingAgainCompletesACopyThatMissesTheKey() throws Exception {
        f.boot(REVOCATION, RevocationFixture.revocationImage(), "rollover-A");
        byte[] backupBefore = Files.readAllBytes(f.keys().file(KeyStorage.Area.BACKUP));
        assertThat(f.run("software authenticity key add production")).isEqualTo(ADDED);
        // The backup write was lost (the guide: "if not, issue the ... key add production command again").
        Files.write(f.keys().file(KeyStorage.Area.BACKUP), backupBefore);
        assertThat(f.run("show software authenticity upgrade-status")).contains(
                "    Primary key storage       : Installed\r\n"
                        + "    Backup key storage        : Not installed\r\n");
        assertThat(f.run("software authenticity key add production")).isEqualTo(
                "software authenticity key add production\r\n"
                        + "Validating running image...\r\n"
                        + "Validating new production key...\r\n"
                        + "Adding the key to Primary\r\n"
                        + "Checking for duplicate keys\r\n"
                        + "Key already present in Primary\r\n"
                        + "Adding the key to Backup\r\n"
                        + "Checking for duplicate keys\r\n"
                        + "Writing the key...e.Success\r\n"
                        + "Done!\r\n"
                        + "R1#");
        f.bothCopiesHold("key release B active 10001");
        assertThat(f.run("software authenticity key add production")).contains(
                "Key already present in Primary\r\n", "Key already present in Backup\r\nDone!");

        Files.delete(f.keys().file(KeyStorage.Area.BACKUP));
        assertThat(f.run("show software authenticity upgrade-status")).contains(
                "    Backup key storage        : Not installed (copy damaged or missing)\r\n");
        assertThat(f.run("software authenticity key add production")).contains(
                "Adding the key to Backup\r\nChecking for duplicate keys\r\nWriting the key...e.Success\r\n");
        f.bothCopiesHold("key release B active 10001");
    }

    @Test
    void aCopyThatCannotBeWrittenStopsTheCommandWithAnError() throws Exception {
        f.boot(REVOCATION, RevocationFixture.revocationImage(), "rollover-A");
        Path backup = f.keys().file(KeyStorage.Area.BACKUP);
        Files.delete(backup);
        Files.createDirectories(backup.resolve("in-the-way"));
        assertThat(f.run("software authenticity key add production")).endsWith(
                "Adding the key to Backup\r\n"
                        + "Checking for duplicate keys\r\n"
                        + "Writing the key...e.Failed\r\n"
                        + "%Error writing Backup key storage (I/O error)\r\n"
                        + "R1#");
        assertThat(f.onDisk(KeyStorage.Area.PRIMARY)).contains("\nkey release B active ");
        assertThat(f.run("show software authenticity upgrade-status")).contains(
                "    Primary key storage       : Installed\r\n"
                        + "    Backup key storage        : Unknown (I/O error)\r\n");

        f.boot("flash0:" + NEW_IMAGE, RevocationFixture.productionImage('B'), "release-B");
        assertThat(f.run("software authenticity key revoke production")).endsWith(
                "Scanning the keys in Primary\r\n"
                        + "Revoking the key with version A...e.Success\r\n"
                        + "Scanning the keys in Backup\r\n"
                        + "%Error writing Backup key storage (I/O error)\r\n"
                        + "R1#");
        // Once the copy can be written again, repeating the commands completes it.
        Files.delete(backup.resolve("in-the-way"));
        Files.delete(backup);
        assertThat(f.run("software authenticity key revoke production")).contains(
                "Scanning the keys in Backup\r\nNo keys with version less than B\r\nDone!");
        f.bothCopiesHold("key release A revoked 10001");
        f.boot(REVOCATION, RevocationFixture.revocationImage(), "rollover-A");
        assertThat(f.run("software authenticity key add production")).contains(
                "Adding the key to Backup\r\nChecking for duplicate keys\r\nKey already present in Backup\r\n");
        f.bothCopiesHold("key release B active 10001");
    }

    @Test
    void addProductionIsRefusedOutsideARevocationImage() throws Exception {
        String before = f.onDisk(KeyStorage.Area.PRIMARY);
        assertThat(f.run("software authenticity key add production")).isEqualTo(
                "software authenticity key add production\r\n"
                        + "Validating running image...\r\n"
                        + "%Error: Running image has no verified digital signature\r\n"
                        + "R1#");
        f.boot("flash0:" + NEW_IMAGE, RevocationFixture.productionImage('A'), "release-A");
        assertThat(f.run("software authenticity key add production")).isEqualTo(
                "software authenticity key add production\r\n"
                        + "Validating running image...\r\n"
                        + "%Error: Running image is a production image; a production key can be added only from"
                        + " a revocation image\r\n"
                        + "R1#");
        f.boot("flash0:x.SSA.bin", RevocationFixture.specialImage(), "development-A");
        assertThat(f.run("software authenticity key add production")).endsWith(
                "%Error: Running image is a special image; a production key can be added only from a revocation"
                        + " image\r\nR1#");
        f.boot(REVOCATION, dev.ioslab.image.ImageMetadata.of(ImageType.REVOCATION, KeyType.ROLLOVER, 'A',
                RevocationFixture.PLATFORM, "15.1(4)M"), "rollover-A");
        assertThat(f.run("software authenticity key add production")).isEqualTo(
                "software authenticity key add production\r\n"
                        + "Validating running image...\r\n"
                        + "Validating new production key...\r\n"
                        + "%Error: Running image does not bundle a new production key\r\n"
                        + "R1#");
        assertThat(f.onDisk(KeyStorage.Area.PRIMARY)).isEqualTo(before);
    }

    @Test
    void aRevokedKeyIsNeverAddedAgain() throws Exception {
        f.keys().addKey(TestPki.key("release-B").publicKey());
        f.keys().revokeOlderThan(KeyType.RELEASE, 'B');
        // A revocation image that bundles the key revoked meanwhile.
        f.boot(REVOCATION, dev.ioslab.image.ImageMetadata.of(ImageType.REVOCATION, KeyType.ROLLOVER, 'A',
                RevocationFixture.PLATFORM, "15.1(4)M").bundling(TestPki.key("release-A").publicKey()), "rollover-A");
        assertThat(f.run("software authenticity key add production")).endsWith(
                "Validating new production key...\r\n"
                        + "%Error: Production key version A is revoked and cannot be added again\r\n"
                        + "R1#");
        f.bothCopiesHold("key release A revoked 10001");
    }

    @Test
    void aRevokedKeyIsNotAddedAgainUnderAnotherVersionLetter() throws Exception {
        f.keys().addKey(TestPki.key("release-B").publicKey());
        f.keys().revokeOlderThan(KeyType.RELEASE, 'B');
        String before = f.onDisk(KeyStorage.Area.PRIMARY);
        // A revocation image that bundles the revoked release key A as "release key C".
        dev.ioslab.image.SoftwareKey revoked = TestPki.key("release-A").publicKey();
        dev.ioslab.image.SoftwareKey renamed = new dev.ioslab.image.SoftwareKey(KeyType.RELEASE, 'C',
                revoked.modulus(), revoked.exponent());
        f.boot(REVOCATION, dev.ioslab.image.ImageMetadata.of(ImageType.REVOCATION, KeyType.ROLLOVER, 'A',
                RevocationFixture.PLATFORM, "15.1(4)M").bundling(renamed), "rollover-A");

        assertThat(f.run("software authenticity key add production")).endsWith(
                "Validating new production key...\r\n"
                        + "%Error: Production key version C is the revoked production key version A and cannot be"
                        + " added\r\n"
                        + "R1#");
        assertThat(f.onDisk(KeyStorage.Area.PRIMARY)).isEqualTo(before);
        assertThat(f.keys().find(KeyType.RELEASE, 'C')).isEmpty();
    }

    @Test
    void aDifferentKeyWithTheSameVersionIsAConflict() throws Exception {
        f.keys().addKey(TestPki.foreign().find("release-B").orElseThrow().publicKey());
        f.boot(REVOCATION, RevocationFixture.revocationImage(), "rollover-A");
        assertThat(f.run("software authenticity key add production")).endsWith(
                "Adding the key to Primary\r\n"
                        + "Checking for duplicate keys\r\n"
                        + "%Error: Another production key version B is already in Primary\r\n"
                        + "R1#");
    }

    @Test
    void revokeProductionIsRefusedUntilEverythingUsesTheNewKey() throws Exception {
        f.boot("flash0:x.SSA.bin", RevocationFixture.specialImage(), "development-A");
        assertThat(f.run("software authenticity key revoke production")).isEqualTo(
                "software authenticity key revoke production\r\n"
                        + "Finding the new production key in the key storage\r\n"
                        + "Validating running image...\r\n"
                        + "%Error: Running image is a special image; keys can be revoked only from a production"
                        + " image\r\n"
                        + "R1#");
        f.boot(REVOCATION, RevocationFixture.revocationImage(), "rollover-A");
        assertThat(f.run("software authenticity key revoke production")).endsWith(
                "%Error: Running image is a revocation image; keys can be revoked only from a production image"
                        + "\r\nR1#");
        f.keys().addKey(TestPki.key("release-B").publicKey());
        f.boot("flash0:old.SPA.bin", RevocationFixture.productionImage('A'), "release-A");
        assertThat(f.run("software authenticity key revoke production")).endsWith(
                "Validating running image...\r\n"
                        + "%Error: Running image is signed with production key version A; boot an image signed with"
                        + " production key version B first\r\n"
                        + "R1#");
        f.boot("flash0:" + NEW_IMAGE, RevocationFixture.productionImage('B'), "release-B");
        f.put("C3900_ROMMON_RM2.srec.SPA", ImageType.ROMMON, "release-A", 1000, 4);
        f.upgrade("upgrade rom-monitor file flash0:C3900_ROMMON_RM2.srec.SPA", "yes");
        assertThat(f.run("software authenticity key revoke production")).isEqualTo(
                "software authenticity key revoke production\r\n"
                        + "Finding the new production key in the key storage\r\n"
                        + "Validating running image...\r\n"
                        + "Revoking keys with version less than B\r\n"
                        + "Validating upgradable rommon...\r\n"
                        + "%Error: Upgradable rommon is signed with production key version A; upgrade it to a rommon"
                        + " signed with production key version B first\r\n"
                        + "R1#");
        assertThat(f.onDisk(KeyStorage.Area.PRIMARY)).contains("key release A active");
        assertThat(f.keys().find(KeyType.RELEASE, 'A').orElseThrow().isActive()).isTrue();
    }

    @Test
    void upgradeStatusSaysWhyTheBootImageIsNotReady() throws Exception {
        f.boot(REVOCATION, RevocationFixture.revocationImage(), "rollover-A");
        f.run("software authenticity key add production");
        f.t.text("configure terminal\r");
        f.t.text("boot system flash0:missing.bin\r");
        f.t.text("end\r");
        assertThat(f.run("show software authenticity upgrade-status"))
                .contains("    Signed with new key       : No (No such file or directory)\r\n");
        f.put("old.SPA.bin", RevocationFixture.productionImage('A'), "release-A", 1000, 5);
        replaceBoot("flash0:old.SPA.bin");
        assertThat(f.run("show software authenticity upgrade-status"))
                .contains("Autoboot image                : flash0:old.SPA.bin\r\n"
                        + "    Signed with new key       : No (signed with production key version A)\r\n");
        FsFixture.put(f.t, "flash0", "plain.bin", FsFixture.random(1000, 6));
        replaceBoot("flash0:plain.bin");
        assertThat(f.run("show software authenticity upgrade-status"))
                .contains("    Signed with new key       : No (not signed)\r\n");
        f.put("rom.SPB", ImageType.ROMMON, "release-B", 1000, 7);
        replaceBoot("flash rom.SPB");
        assertThat(f.run("show software authenticity upgrade-status"))
                .contains("Autoboot image                : flash:rom.SPB\r\n"
                        + "    Signed with new key       : No (rommon image)\r\n");
        replaceBoot("tftp://192.0.2.1/x.SPB.bin");
        assertThat(f.run("show software authenticity upgrade-status"))
                .contains("    Signed with new key       : No (not on a local file system)\r\n");
    }

    private void replaceBoot(String entry) {
        f.t.text("configure terminal\r");
        f.t.text("no boot system\r");
        f.t.text("boot system " + entry + "\r");
        f.t.text("end\r");
    }
}
