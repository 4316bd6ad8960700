package dev.ioslab.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.TestPki;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The envelope is plain CMS: OpenSSL ({@code openssl cms -verify}) and Bouncy Castle's own CMS verifier accept every
 * envelope ioslab writes, and an image built with OpenSSL alone by the script in docs/image-format.md verifies on a
 * device. Skipped when {@code openssl} or {@code bash} is missing.
 */
class OpensslInteropTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsOpenssl() {
        Assumptions.assumeTrue(runs("openssl", "version"), "openssl is not installed: interop test skipped");
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Run(int exit, String output) {
    }

    private Run run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    /** Splits a signed image into payload.bin and envelope.der in the temp folder. */
    private void split(byte[] image) throws IOException {
        int n = java.nio.ByteBuffer.wrap(image, image.length - 4, 4).getInt();
        Files.write(dir.resolve("payload.bin"), Arrays.copyOf(image, image.length - 12 - n));
        Files.write(dir.resolve("envelope.der"), Arrays.copyOfRange(image, image.length - 12 - n, image.length - 12));
    }

    private Run opensslVerify(String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", "envelope.der", "-content", "payload.bin", "-noverify", "-out", "/dev/null"));
        command.addAll(List.of(extra));
        return run(command);
    }

    private static List<byte[]> everyKindOfImage() {
        byte[] payload = new byte[70_000];
        new Random(21).nextBytes(payload);
        LabPki lab = TestPki.lab();
        return List.of(
                TestPki.sign(payload, ImageMetadata.of(ImageType.PRODUCTION, KeyType.RELEASE, 'A', "C3900",
                        "15.7(3)M8").bundling(lab.find("development-B").orElseThrow().publicKey()),
                        TestPki.key("release-A")),
                TestPki.sign(payload, ImageMetadata.of(ImageType.SPECIAL, KeyType.DEVELOPMENT, 'B', "C3900",
                        "15.7(3)M8_dev"), TestPki.key("development-B")),
                TestPki.sign(payload, ImageMetadata.of(ImageType.REVOCATION, KeyType.ROLLOVER, 'A', "C3900",
                        "15.0(1)M2").bundling(lab.find("release-B").orElseThrow().publicKey()),
                        TestPki.key("rollover-A")),
                TestPki.sign(payload, ImageMetadata.of(ImageType.ROMMON, KeyType.RELEASE, 'B', "C3900",
                        "15.0(1r)M16"), TestPki.key("release-B")),
                TestPki.sign(new byte[1], ImageMetadata.of(ImageType.PRODUCTION, KeyType.RELEASE, 'A', "C1900",
                        "x"), TestPki.key("release-A")));
    }

    @Test
    void opensslAcceptsEveryEnvelopeAndRejectsAChangedPayload() throws Exception {
        for (byte[] image : everyKindOfImage()) {
            split(image);
            Run ok = opensslVerify();
            assertThat(ok.exit()).as(ok.output()).isZero();
            assertThat(ok.output()).contains("Verification successful");
            byte[] payload = Files.readAllBytes(dir.resolve("payload.bin"));
            payload[0] ^= 1;
            Files.write(dir.resolve("payload.bin"), payload);
            assertThat(opensslVerify().exit()).isNotZero();
        }
    }

    @Test
    void opensslChecksAgainstAKeyTheUserHoldsAsADeviceDoes() throws Exception {
        split(TestPki.production(new byte[] {1, 2, 3}));
        Path lab = LabPki.certFile(TestPki.lab().dir(), new SoftwareKey.Label(KeyType.RELEASE, 'A'));
        Path foreign = LabPki.certFile(TestPki.foreign().dir(), new SoftwareKey.Label(KeyType.RELEASE, 'A'));
        assertThat(opensslVerify("-nointern", "-certfile", lab.toString()).exit()).isZero();
        assertThat(opensslVerify("-nointern", "-certfile", foreign.toString()).exit()).isNotZero();
    }

    @Test
    void bouncyCastlesCmsVerifierAcceptsEveryEnvelope() throws Exception {
        for (byte[] image : everyKindOfImage()) {
            split(image);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(
                    Files.readAllBytes(dir.resolve("payload.bin"))), Files.readAllBytes(dir.resolve("envelope.der")));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates()
                    .getMatches(signer.getSID()).iterator().next();
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
            assertThat(signer.getEncryptionAlgOID()).isEqualTo("1.2.840.113549.1.1.13");
        }
    }

    @Test
    void anImageBuiltWithTheDocumentedOpensslScriptVerifiesOnADevice() throws Exception {
        Assumptions.assumeTrue(runs("bash", "--version"), "bash is not installed");
        Files.writeString(dir.resolve("sign-image.sh"), documentedScript("build-with-openssl"));
        byte[] payload = new byte[300_000];
        new Random(22).nextBytes(payload);
        Files.write(dir.resolve("input.bin"), payload);
        Path pki = TestPki.lab().dir();
        Run built = run(List.of("bash", "sign-image.sh", pki.resolve("release-A.key").toString(),
                pki.resolve("release-A.crt").toString(), "input.bin", "image.SPA.bin", "0", "0", "A", "C3900",
                "15.7(3)M8", pki.resolve("development-B.crt").toString(), "1", "B"));
        assertThat(built.exit()).as(built.output()).isZero();
        VerificationResult r;
        try (FileChannel ch = FileChannel.open(dir.resolve("image.SPA.bin"), StandardOpenOption.READ)) {
            r = ImageVerifier.verify(ch, ImageVerifierTest.factoryKeys(), ImageCheck.signatureOnly());
        }
        assertThat(r.status()).as(r.detail()).isEqualTo(VerificationStatus.VALID);
        assertThat(r.signature().orElseThrow().metadata()).isEqualTo(ImageMetadata.of(ImageType.PRODUCTION,
                KeyType.RELEASE, 'A', "C3900", "15.7(3)M8").bundling(TestPki.key("development-B").publicKey()));
        assertThat(r.signature().orElseThrow().signer()).isEqualTo(TestPki.key("release-A").signer());
    }

    @Test
    void theDocumentedOpensslCheckAcceptsAnIoslabImage() throws Exception {
        Assumptions.assumeTrue(runs("bash", "--version"), "bash is not installed");
        Files.write(dir.resolve("image.SPA.bin"), TestPki.production(new byte[] {4, 5, 6, 7}));
        Files.copy(LabPki.certFile(TestPki.lab().dir(), new SoftwareKey.Label(KeyType.RELEASE, 'A')),
                dir.resolve("release-A.crt"));
        Files.writeString(dir.resolve("check.sh"), "set -e\n" + documentedScript("check-with-openssl"));
        Run checked = run(List.of("bash", "check.sh"));
        assertThat(checked.exit()).as(checked.output()).isZero();
        assertThat(checked.output()).startsWith("IOSLABSG\n");
        assertThat(checked.output().split("Verification successful", -1)).hasSize(3);
        assertThat(checked.output()).contains("2.25.96152813478580543855668968352646230160");
    }

    /** The first {@code sh} code block after the marker {@code <!-- tested: name -->} in docs/image-format.md. */
    static String documentedScript(String name) throws IOException {
        String doc = Files.readString(Path.of("docs/image-format.md"));
        int marker = doc.indexOf("<!-- tested: " + name + " -->");
        assertThat(marker).as("marker %s in docs/image-format.md", name).isNotNegative();
        int start = doc.indexOf("```sh\n", marker) + "```sh\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }
}
