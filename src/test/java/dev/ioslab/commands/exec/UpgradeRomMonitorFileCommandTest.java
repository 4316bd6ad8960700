package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.KeyType;
import dev.ioslab.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code upgrade rom-monitor file}: what it installs, what it refuses, and that nothing changes when refused. */
class UpgradeRomMonitorFileCommandTest {

    static final String TITLE = "Platform Field Upgradeable ROMMON LOAD test\r\n"
            + "-------------------------------------------\r\n";

    @TempDir
    Path dir;

    RevocationFixture f;

    @BeforeEach
    void device() throws Exception {
        f = new RevocationFixture(dir);
    }

    private void nothingInstalled() {
        assertThat(f.authenticity().upgradableRommon()).isEmpty();
        assertThat(f.reloads).isEmpty();
    }

    @Test
    void installsAReleaseSignedRommonAndShowsItAsRommon2() throws Exception {
        f.put("C3900_ROMMON.SPA", ImageType.ROMMON, "release-A", 10, 1);
        assertThat(f.upgrade("upgrade rom-monitor file flash0:C3900_ROMMON.SPA", "y")).isEqualTo(
                "upgrade rom-monitor file flash0:C3900_ROMMON.SPA\r\n"
                        + TITLE
                        + "RSA Signature Verification Passed ...\r\n"
                        + "ROM: Digitally Signed Release Software\r\n"
                        + "This command will result in a 'power-on reset' of the router!\r\n"
                        + "Continue? [yes/no]: y\r\n"
                        + "ROMMON image upgrade in progress.\r\n"
                        + "Erasing boot flash eeeeeeeeeeeeeeeeeeeeeee\r\n"
                        + "Programming boot flash .\r\n"
                        + "Now Reloading\r\n"
                        + "R1#");
        assertThat(f.reloads).containsExactly("Reload Command");
        f.boot("flash0:c3900.SPA.bin", ImageMetadata.of(ImageType.PRODUCTION, KeyType.RELEASE, 'A',
                RevocationFixture.PLATFORM, "15.7(3)M8"), "release-A");
        assertThat(f.run("show software authenticity running")).contains("ROMMON 2\r\n--------\r\n"
                + "Image type                    : Production\r\n")
                .contains("        Verifier Name         : ROMMON 2\r\n"
                        + "        Verifier Version      : System Bootstrap, Version 15.0(1r)M16, RELEASE SOFTWARE");
    }

    @Test
    void answeringNoInstallsNothingAndOtherAnswersAskAgain() throws Exception {
        f.put("rom.SPA", ImageType.ROMMON, "release-A", 10, 2);
        String asked = f.t.awaitText("upgrade rom-monitor file flash0:rom.SPA\r", "Continue? [yes/no]: ", 20_000);
        assertThat(asked).endsWith("This command will result in a 'power-on reset' of the router!\r\n"
                + "Continue? [yes/no]: ");
        assertThat(f.t.awaitText("maybe\r", "Continue? [yes/no]: ", 20_000))
                .isEqualTo("maybe\r\n% Please answer 'yes' or 'no'.\r\nContinue? [yes/no]: ");
        assertThat(f.t.awaitText("no\r", "R1#", 20_000)).isEqualTo("no\r\n%ROMMON upgrade aborted\r\nR1#");
        nothingInstalled();
    }

    @Test
    void refusesRemoteUrlsMissingFilesAndImagesThatAreNotValidRommons() throws Exception {
        assertThat(f.run("upgrade rom-monitor file tftp://192.0.2.1/rom.SPA")).isEqualTo(
                "upgrade rom-monitor file tftp://192.0.2.1/rom.SPA\r\n"
                        + "%Error: Cannot upgrade the ROM monitor from tftp://192.0.2.1/rom.SPA; copy the image to"
                        + " flash0: first\r\n"
                        + "R1#");
        assertThat(f.run("upgrade rom-monitor file flash0:nothing")).isEqualTo(
                "upgrade rom-monitor file flash0:nothing\r\n"
                        + "%Error opening flash0:/nothing (No such file or directory)\r\n"
                        + "R1#");
        FsFixture.put(f.t, "flash0", "plain.bin", FsFixture.random(100, 3));
        assertThat(f.run("upgrade rom-monitor file flash0:plain.bin")).isEqualTo(
                "upgrade rom-monitor file flash0:plain.bin\r\n"
                        + TITLE
                        + "%DIGISIGN-4-SIGNATURE_NOT_PRESENT: %WARNING: Digital signature is not found in file"
                        + " flash0:plain.bin\r\n"
                        + "%Error: ROMMON image upgrade aborted\r\n"
                        + "R1#");
        f.put("ios.SPA.bin", ImageType.PRODUCTION, "release-A", 100, 4);
        assertThat(f.run("upgrade rom-monitor file flash0:ios.SPA.bin")).isEqualTo(
                "upgrade rom-monitor file flash0:ios.SPA.bin\r\n"
                        + TITLE
                        + "%Error: flash0:ios.SPA.bin is not a ROMMON image (production image)\r\n"
                        + "R1#");
        f.put("c2900.SPA", ImageMetadata.of(ImageType.ROMMON, KeyType.RELEASE, 'A', "C2900", "15.0(1r)M16"),
                "release-A", 100, 5);
        assertThat(f.run("upgrade rom-monitor file flash0:c2900.SPA")).endsWith(
                "%Error: flash0:c2900.SPA is a ROMMON image for C2900, not for this C3900\r\nR1#");
        f.put("rom.SPB", ImageType.ROMMON, "release-B", 100, 6);
        assertThat(f.run("upgrade rom-monitor file flash0:rom.SPB")).endsWith(
                "%DIGISIGN-3-KEY_NOT_FOUND: %No keys found for verifying the digital signature in file"
                        + " flash0:rom.SPB\r\n%Error: ROMMON image upgrade aborted\r\nR1#");
        FsFixture.put(f.t, "flash0", "foreign.SPA", TestPki.sign(FsFixture.random(100, 7), ImageMetadata.of(
                ImageType.ROMMON, KeyType.RELEASE, 'A', RevocationFixture.PLATFORM, "15.0(1r)M16"),
                TestPki.foreign().find("release-A").orElseThrow()));
        assertThat(f.run("upgrade rom-monitor file flash0:foreign.SPA")).contains(
                "%DIGISIGN-3-INVALID_SIGNATURE: %Digital signature is not valid for file flash0:foreign.SPA\r\n");
        nothingInstalled();
    }

    @Test
    void refusesARommonSignedWithARevokedKey() throws Exception {
        f.keys().addKey(TestPki.key("release-B").publicKey());
        f.keys().revokeOlderThan(KeyType.RELEASE, 'B');
        f.put("rom.SPA", ImageType.ROMMON, "release-A", 100, 8);
        assertThat(f.run("upgrade rom-monitor file flash0:rom.SPA")).endsWith(
                "%DIGISIGN-3-VERIFICATION_FAILED: %Digital signature verification failed for file flash0:rom.SPA:"
                        + " release key version A is revoked\r\n%Error: ROMMON image upgrade aborted\r\nR1#");
        nothingInstalled();
    }
}
