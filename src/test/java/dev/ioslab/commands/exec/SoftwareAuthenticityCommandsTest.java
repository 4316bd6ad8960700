package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageSignature;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.KeyType;
import dev.ioslab.image.LabKey;
import dev.ioslab.image.SoftwareAuthenticity;
import dev.ioslab.image.SoftwareKey;
import dev.ioslab.testing.CliTester;
import dev.ioslab.testing.TestPki;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transcripts of {@code verify}, {@code show software authenticity ...} and the debugging commands. */
class SoftwareAuthenticityCommandsTest {

    @TempDir
    Path dir;

    static final String IMAGE = "c3900-universalk9-mz.SPA.157-3.M8.bin";
    static final String BLANK22 = " ".repeat(22);

    /** A session on R1, whose key storage holds the lab's factory keys (release A, development A, rollover A). */
    CliTester tester() throws Exception {
        CliTester t = FsFixture.tester(dir);
        for (SoftwareKey k : TestPki.lab().factoryKeys()) {
            t.device().softwareAuthenticity().keys().addKey(k);
        }
        return t;
    }

    static String run(CliTester t, String line) throws InterruptedException {
        return VerifyCommandTest.run(t, line);
    }

    static byte[] payload(int size, long seed) {
        return FsFixture.random(size, seed);
    }

    static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    /** The four 32-digit rows and the 22-space line IOS prints for a SHA-512. */
    static String sha2(String label, String upperHex) {
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < 4; row++) {
            sb.append(row == 0 ? label + "SHA2: " : BLANK22).append(upperHex, row * 32, row * 32 + 32).append("\r\n");
        }
        return sb.append(BLANK22).append("\r\n").toString();
    }

    static String signer(LabKey key) {
        return "    Signer Information\r\n"
                + "        Common Name           : CiscoSystems\r\n"
                + "        Organization Unit     : C3900\r\n"
                + "        Organization Name     : CiscoSystems\r\n"
                + "    Certificate Serial Number : " + key.signer().serialHex() + "\r\n"
                + "    Hash Algorithm            : SHA512\r\n"
                + "    Signature Algorithm       : 2048-bit RSA\r\n"
                + "    Key Version               : " + key.version() + "\r\n";
    }

    @Test
    void verifyPrintsTheHashesAndTheSuccessLineOfAValidImage() throws Exception {
        CliTester t = tester();
        byte[] payload = payload(5 * 1024 * 1024 + 3, 1);
        byte[] image = TestPki.production(payload);
        FsFixture.put(t, "flash0", IMAGE, image);
        String sha = hex("SHA-512", payload);
        assertThat(run(t, "verify flash0:" + IMAGE + "\r")).isEqualTo("verify flash0:" + IMAGE + "\r\n"
                + "Starting image verification\r\n"
                + "Hash Computation:    100% Done!\r\n"
                + sha2("Computed Hash   ", sha)
                + sha2("Embedded Hash   ", sha)
                + "CCO Hash        MD5 : " + hex("MD5", image) + "\r\n"
                + "Digital signature successfully verified in file flash0:" + IMAGE + "\r\n"
                + "R1#");
        // The CCO hash is the MD5 of the whole file, as verify /md5 computes it.
        assertThat(run(t, "verify /md5 flash0:" + IMAGE + "\r"))
                .contains("= " + hex("MD5", image).toLowerCase(Locale.ROOT));
    }

    @Test
    void verifyAcceptsASpecialImageSignedWithTheDevelopmentKey() throws Exception {
        CliTester t = tester();
        byte[] image = TestPki.sign(payload(1000, 2), ImageMetadata.of(ImageType.SPECIAL, KeyType.DEVELOPMENT, 'A',
                "C3900", "15.7(3)M8"), TestPki.key("development-A"));
        FsFixture.put(t, "flash0", "c3900-universalk9-mz.SSA.157-3.M8.bin", image);
        assertThat(run(t, "verify flash0:c3900-universalk9-mz.SSA.157-3.M8.bin\r")).endsWith(
                "Digital signature successfully verified in file flash0:c3900-universalk9-mz.SSA.157-3.M8.bin\r\n"
                        + "R1#");
    }

    @Test
    void verifyNamesEachFailureWithItsDigisignMessage() throws Exception {
        CliTester t = tester();
        byte[] payload = payload(4000, 3);
        byte[] tampered = TestPki.production(payload);
        tampered[10] ^= 1;
        FsFixture.put(t, "flash0", "tampered.bin", tampered);
        String out = run(t, "verify flash0:tampered.bin\r");
        assertThat(out).contains(sha2("Embedded Hash   ", hex("SHA-512", payload))).endsWith(
                "%DIGISIGN-3-VERIFICATION_FAILED: %Digital signature verification failed for file flash0:tampered.bin:"
                        + " the SHA-512 of the payload differs from the embedded hash\r\nR1#");

        FsFixture.put(t, "flash0", "b.bin", TestPki.sign(payload, ImageMetadata.of(ImageType.PRODUCTION,
                KeyType.RELEASE, 'B', "C3900", "15.7(3)M8"), TestPki.key("release-B")));
        assertThat(run(t, "verify flash0:b.bin\r")).endsWith("%DIGISIGN-3-KEY_NOT_FOUND: %No keys found for"
                + " verifying the digital signature in file flash0:b.bin\r\nR1#");

        FsFixture.put(t, "flash0", "foreign.bin", TestPki.sign(payload, ImageMetadata.of(ImageType.PRODUCTION,
                KeyType.RELEASE, 'A', "C3900", "15.7(3)M8"), TestPki.foreign().find("release-A").orElseThrow()));
        assertThat(run(t, "verify flash0:foreign.bin\r")).endsWith("%DIGISIGN-3-INVALID_SIGNATURE: %Digital"
                + " signature is not valid for file flash0:foreign.bin\r\nR1#");

        FsFixture.put(t, "flash0", "plain.bin", payload);
        assertThat(run(t, "verify flash0:plain.bin\r")).isEqualTo("verify flash0:plain.bin\r\n"
                + "Starting image verification\r\n"
                + "%DIGISIGN-4-SIGNATURE_NOT_PRESENT: %WARNING: Digital signature is not found in file"
                + " flash0:plain.bin\r\nR1#");

        byte[] truncated = TestPki.production(payload);
        FsFixture.put(t, "flash0", "cut.bin", Arrays.copyOf(truncated, truncated.length - 2));
        assertThat(run(t, "verify flash0:cut.bin\r")).endsWith("%DIGISIGN-3-VERIFICATION_FAILED: %Digital signature"
                + " verification failed for file flash0:cut.bin: signature trailer truncated (10 of 12 bytes)\r\nR1#");

        assertThat(run(t, "verify flash0:missing.bin\r")).isEqualTo("verify flash0:missing.bin\r\n"
                + "%Error opening flash0:/missing.bin (No such file or directory)\r\nR1#");
    }

    @Test
    void verifyRefusesAnImageWhoseKeyWasRevoked() throws Exception {
        CliTester t = tester();
        var keys = t.device().softwareAuthenticity().keys();
        keys.addKey(TestPki.key("release-B").publicKey());
        keys.revokeOlderThan(KeyType.RELEASE, 'B');
        FsFixture.put(t, "flash0", IMAGE, TestPki.production(payload(100, 4)));
        assertThat(run(t, "verify flash0:" + IMAGE + "\r")).endsWith("%DIGISIGN-3-VERIFICATION_FAILED: %Digital"
                + " signature verification failed for file flash0:" + IMAGE + ": release key version A is revoked"
                + "\r\nR1#");
    }

    @Test
    void showSoftwareAuthenticityFileDescribesTheSignature() throws Exception {
        CliTester t = tester();
        FsFixture.put(t, "flash0", IMAGE, TestPki.production(payload(3000, 5)));
        assertThat(run(t, "show software authenticity file flash0:" + IMAGE + "\r")).isEqualTo(
                "show software authenticity file flash0:" + IMAGE + "\r\n"
                        + "File Name                     : flash0:" + IMAGE + "\r\n"
                        + "Image type                    : Production\r\n"
                        + signer(TestPki.key("release-A"))
                        + "R1#");
        FsFixture.put(t, "flash0", "plain.bin", payload(3000, 6));
        assertThat(run(t, "sh soft auth file flash0:plain.bin\r")).isEqualTo("sh soft auth file flash0:plain.bin\r\n"
                + "%DIGISIGN-4-SIGNATURE_NOT_PRESENT: %WARNING: Digital signature is not found in file"
                + " flash0:plain.bin\r\nR1#");
        assertThat(run(t, "show software authenticity file flash0:nothing\r")).contains(
                "%Error opening flash0:/nothing (No such file or directory)");
    }

    @Test
    void showSoftwareAuthenticityKeysListsTheActiveKeysWithTheirModulus() throws Exception {
        CliTester t = tester();
        StringBuilder expected = new StringBuilder("show software authenticity keys\r\n");
        List<SoftwareKey> keys = TestPki.lab().factoryKeys();
        String[] types = {"Production", "Special", "Rollover"};
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                expected.append(" ".repeat(10)).append("\r\n");
            }
            expected.append("Public Key #").append(i + 1).append(" Information\r\n")
                    .append("-------------------------\r\n")
                    .append("Key Type             : ").append(types[i]).append("  (Primary)\r\n")
                    .append("Public Key Algorithm : RSA\r\n")
                    .append("Modulus (256 bytes)   :\r\n");
            String modulus = HexFormat.of().withUpperCase().formatHex(modulusBytes(keys.get(i)));
            for (int row = 0; row < 16; row++) {
                StringBuilder line = new StringBuilder("        ");
                for (int b = 0; b < 16; b++) {
                    line.append(modulus, (row * 16 + b) * 2, (row * 16 + b) * 2 + 2).append(b < 15 ? ":" : "");
                }
                expected.append(line).append(row < 15 ? ":" : "").append("\r\n");
            }
            expected.append("Exponent (4 bytes)   : 10001\r\n")
                    .append("Key Version          : A\r\n");
        }
        assertThat(run(t, "show software authenticity keys\r")).isEqualTo(expected + "R1#");
        // A revoked key is no longer listed.
        t.device().softwareAuthenticity().keys().addKey(TestPki.key("development-B").publicKey());
        t.device().softwareAuthenticity().keys().revokeOlderThan(KeyType.DEVELOPMENT, 'B');
        String after = run(t, "show software authenticity keys\r");
        assertThat(after).contains("Public Key #3 Information").doesNotContain("Public Key #4");
        assertThat(after.split("Key Version          : ")).extracting(s -> s.charAt(0)).containsExactly('s', 'A',
                'B', 'A');
    }

    private static byte[] modulusBytes(SoftwareKey key) {
        byte[] b = key.modulus().toByteArray();
        return b.length == 257 ? Arrays.copyOfRange(b, 1, 257) : b;
    }

    @Test
    void showSoftwareAuthenticityRunningSaysWhatItHas() throws Exception {
        CliTester t = tester();
        String boot = t.device().runningImage().path();
        assertThat(boot).isEqualTo("flash0:" + IMAGE);
        assertThat(run(t, "show software authenticity running\r")).isEqualTo(
                "show software authenticity running\r\n"
                        + "SYSTEM IMAGE\r\n"
                        + "------------\r\n"
                        + "%Error opening flash0:" + IMAGE + " (No such file or directory)\r\n"
                        + "R1#");
        FsFixture.put(t, "flash0", IMAGE, TestPki.production(payload(2000, 7)));
        String verifier = "\r\n"
                + "    Verifier Information\r\n"
                + "        Verifier Name         : ROMMON 1\r\n"
                + "        Verifier Version      : System Bootstrap, Version 15.0(1r)M13, RELEASE SOFTWARE (fc1)\r\n"
                + "Technical Support: http://www.cisco.com/techsupport\r\n";
        assertThat(run(t, "show software authenticity running\r")).isEqualTo(
                "show software authenticity running\r\n"
                        + "SYSTEM IMAGE\r\n"
                        + "------------\r\n"
                        + "Image type                    : Production\r\n"
                        + signer(TestPki.key("release-A"))
                        + verifier
                        + "R1#");

        LabKey releaseB = TestPki.key("release-B");
        SoftwareAuthenticity a = t.device().softwareAuthenticity();
        a.recordUpgradableRommon(new SoftwareAuthenticity.BootedImage("usbflash0:C3900_rom-monitor.srec.SPB",
                new ImageSignature(ImageMetadata.of(ImageType.ROMMON, KeyType.RELEASE, 'B', "C3900", "15.0(1r)M16"),
                        releaseB.signer())));
        a.recordSystemImage(new SoftwareAuthenticity.BootedImage("flash0:x.SSA.bin", new ImageSignature(
                ImageMetadata.of(ImageType.SPECIAL, KeyType.DEVELOPMENT, 'A', "C3900", "15.7(3)M8"),
                TestPki.key("development-A").signer())));
        assertThat(run(t, "show software authenticity running\r")).isEqualTo(
                "show software authenticity running\r\n"
                        + "SYSTEM IMAGE\r\n"
                        + "------------\r\n"
                        + "Image type                    : Special\r\n"
                        + signer(TestPki.key("development-A"))
                        + "\r\n"
                        + "    Verifier Information\r\n"
                        + "        Verifier Name         : ROMMON 2\r\n"
                        + "        Verifier Version      : System Bootstrap, Version 15.0(1r)M16, RELEASE SOFTWARE"
                        + " (fc1)\r\n"
                        + "Technical Support: http://www.cisco.com/techsupport\r\n"
                        + "\r\n"
                        + "ROMMON 2\r\n"
                        + "--------\r\n"
                        + "Image type                    : Production\r\n"
                        + signer(releaseB)
                        + verifier
                        + "R1#");
    }

    @Test
    void debuggingIsDeviceStateShownOnMonitoredSessions() throws Exception {
        CliTester t = tester();
        assertThat(run(t, "show debugging\r")).isEqualTo("show debugging\r\nR1#");
        assertThat(run(t, "debug software authenticity key\r")).isEqualTo("debug software authenticity key\r\n"
                + "Software Authenticity key debugging is on\r\nR1#");
        assertThat(run(t, "debug software authenticity errors\r")).contains("errors debugging is on");
        assertThat(run(t, "show debugging\r")).isEqualTo("show debugging\r\n"
                + "Software Authenticity:\r\n"
                + "  Software Authenticity errors debugging is on\r\n"
                + "  Software Authenticity key debugging is on\r\n"
                + "R1#");
        FsFixture.put(t, "flash0", "b.bin", TestPki.sign(payload(100, 8), ImageMetadata.of(ImageType.PRODUCTION,
                KeyType.RELEASE, 'B', "C3900", "15.7(3)M8"), TestPki.key("release-B")));
        assertThat(run(t, "verify flash0:b.bin\r")).doesNotContain("DIGISIGN: ");
        run(t, "terminal monitor\r");
        String out = run(t, "verify flash0:b.bin\r");
        assertThat(out).contains("CCO Hash        MD5 : ")
                .contains("*Nov 27 10:00:00.000: DIGISIGN: key: release key version B is not in the key storage\r\n"
                        + "*Nov 27 10:00:00.000: DIGISIGN: error: flash0:b.bin: unknown key: no release key version B"
                        + " in the key storage\r\n"
                        + "Hash Computation:    100% Done!\r\n");
        assertThat(run(t, "undebug software authenticity key\r")).contains("Software Authenticity key debugging is"
                + " off");
        assertThat(run(t, "debug software authenticity verbose\r")).contains("verbose debugging is on");
        assertThat(run(t, "verify flash0:b.bin\r")).contains("DIGISIGN: envelope: Production image for C3900,"
                + " version 15.7(3)M8, signed with the release key version B").contains("DIGISIGN: verbose: hashed ");
        assertThat(run(t, "undebug all\r")).isEqualTo("undebug all\r\nAll possible debugging has been turned off\r\n"
                + "R1#");
        assertThat(run(t, "show debugging\r")).isEqualTo("show debugging\r\nR1#");
        run(t, "debug software authenticity show\r");
        assertThat(run(t, "no debug all\r")).contains("All possible debugging has been turned off");
        assertThat(t.device().softwareAuthenticity().debugging()).isEmpty();
    }

    @Test
    void theCopyVerifyReportAndAbortLines() throws Exception {
        assertThat(SignatureVerification.copyAborted("flash0:/x.SPA.bin")).containsExactly(
                "%ERROR: Not able to process Signature in flash0:/x.SPA.bin.", "%ERROR: Aborting copy.");
        CliTester t = tester();
        byte[] payload = payload(700, 9);
        FsFixture.put(t, "flash0", "x.SPA.bin", TestPki.production(payload));
        var url = (dev.ioslab.fs.LocalUrl) new dev.ioslab.fs.IosUrlParser(t.device().fileSystems())
                .parse("flash0:x.SPA.bin");
        List<String> lines;
        try (var pool = new dev.ioslab.image.VerificationPool(1)) {
            lines = new SignatureVerification(pool).verify(t.device(), url, dev.ioslab.image.ImageCheck.signatureOnly())
                    .thenApply(r -> SignatureVerification.report(r, "flash0:/x.SPA.bin"))
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(lines.get(0)).isEqualTo("Hash Computation:    100% Done!");
        assertThat(lines).doesNotContain("CCO Hash").last()
                .isEqualTo("Digital signature successfully verified in file flash0:/x.SPA.bin");
        assertThat(String.join("\n", lines)).contains(hex("SHA-512", payload).substring(0, 32));
    }
}
