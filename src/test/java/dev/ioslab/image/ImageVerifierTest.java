package dev.ioslab.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.TestPki;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageVerifierTest {

    @TempDir
    Path dir;

    /** The key storage of a fresh device: the lab's factory keys, active. */
    static TrustedKeys factoryKeys() {
        List<SoftwareKey> keys = TestPki.lab().factoryKeys();
        return (type, version) -> keys.stream().filter(k -> k.type() == type && k.version() == version)
                .findFirst().map(k -> new StoredKey(k, KeyState.ACTIVE));
    }

    static byte[] payload(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    VerificationResult verify(byte[] image, TrustedKeys keys) throws IOException {
        Path file = dir.resolve("image-" + System.nanoTime() + ".bin");
        Files.write(file, image);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return ImageVerifier.verify(ch, keys, ImageCheck.signatureOnly().withMd5());
        }
    }

    static String hex(String algorithm, byte[] b, int length) throws Exception {
        MessageDigest d = MessageDigest.getInstance(algorithm);
        d.update(b, 0, length);
        return HexFormat.of().formatHex(d.digest());
    }

    @Test
    void validProductionImageReportsMetadataSignerAndHashes() throws Exception {
        byte[] payload = payload(3 * ImageVerifier.CHUNK_BYTES + 123, 1);
        byte[] image = TestPki.production(payload);
        VerificationResult r = verify(image, factoryKeys());
        assertThat(r.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(r.detail()).isEmpty();
        assertThat(r.payloadBytes()).isEqualTo(payload.length);
        assertThat(r.fileBytes()).isEqualTo(image.length);
        assertThat(r.computedSha512()).contains(hex("SHA-512", payload, payload.length));
        assertThat(r.embeddedSha512()).isEqualTo(r.computedSha512());
        assertThat(r.md5()).contains(hex("MD5", image, image.length));
        ImageSignature s = r.signature().orElseThrow();
        assertThat(s.metadata()).isEqualTo(ImageMetadata.of(ImageType.PRODUCTION, KeyType.RELEASE, 'A', "C3900",
                "15.7(3)M8"));
        assertThat(s.signer()).isEqualTo(TestPki.key("release-A").signer());
        assertThat(s.signer().commonName()).isEqualTo("CiscoSystems");
        assertThat(s.signer().organizationUnit()).isEqualTo("C3900");
        assertThat(s.signer().serialHex()).matches("[0-9A-F]{8}");
    }

    @Test
    void validSpecialImageWithTheDevelopmentKey() throws Exception {
        ImageMetadata m = ImageMetadata.of(ImageType.SPECIAL, KeyType.DEVELOPMENT, 'A', "C3900", "15.7(3)M8");
        VerificationResult r = verify(TestPki.sign(payload(5000, 2), m, TestPki.key("development-A")),
                factoryKeys());
        assertThat(r.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(r.signature().orElseThrow().metadata().imageTypeDisplay()).isEqualTo("Special");
    }

    @Test
    void productionImageBundlingTheNextDevelopmentKey() throws Exception {
        SoftwareKey next = TestPki.key("development-B").publicKey();
        ImageMetadata m = ImageMetadata.of(ImageType.PRODUCTION, KeyType.RELEASE, 'A', "C3900", "15.7(3)M8")
                .bundling(next);
        VerificationResult r = verify(TestPki.sign(payload(100, 3), m, TestPki.key("release-A")), factoryKeys());
        assertThat(r.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(r.signature().orElseThrow().metadata().bundledKey()).contains(next);
    }

    @Test
    void tamperedPayloadIsAHashMismatch() throws Exception {
        byte[] image = TestPki.production(payload(10_000, 4));
        image[5000] ^= 1;
        VerificationResult r = verify(image, factoryKeys());
        assertThat(r.status()).isEqualTo(VerificationStatus.HASH_MISMATCH);
        assertThat(r.computedSha512()).isNotEqualTo(r.embeddedSha512());
    }

    @Test
    void tamperedSignatureOrMetadataIsAnInvalidSignature() throws Exception {
        byte[] payload = payload(2000, 5);
        byte[] image = TestPki.production(payload);
        byte[] lastSignatureByte = image.clone();
        // The signature is the last element of the envelope, just before the 12-byte trailer.
        lastSignatureByte[image.length - ImageTrailer.LENGTH - 1] ^= 0x55;
        assertThat(verify(lastSignatureByte, factoryKeys()).status()).isEqualTo(VerificationStatus.INVALID_SIGNATURE);

        byte[] version = image.clone();
        int at = indexOf(version, "15.7(3)M8".getBytes(), payload.length);
        version[at + 8] = '9';
        VerificationResult r = verify(version, factoryKeys());
        assertThat(r.status()).isEqualTo(VerificationStatus.INVALID_SIGNATURE);
        assertThat(r.signature().orElseThrow().metadata().version()).isEqualTo("15.7(3)M9");
    }

    @Test
    void keyOfAnotherPkiWithTheSameNameIsAnInvalidSignature() throws Exception {
        ImageMetadata m = ImageMetadata.of(ImageType.PRODUCTION, KeyType.RELEASE, 'A', "C3900", "15.7(3)M8");
        byte[] image = TestPki.sign(payload(100, 6), m, TestPki.foreign().find("release-A").orElseThrow());
        VerificationResult r = verify(image, factoryKeys());
        assertThat(r.status()).isEqualTo(VerificationStatus.INVALID_SIGNATURE);
        assertThat(r.detail()).contains("release key version A");
    }

    @Test
    void keyVersionTheDeviceDoesNotHaveIsUnknown() throws Exception {
        ImageMetadata m = ImageMetadata.of(ImageType.PRODUCTION, KeyType.RELEASE, 'B', "C3900", "15.7(3)M8");
        VerificationResult r = verify(TestPki.sign(payload(100, 7), m, TestPki.key("release-B")), factoryKeys());
        assertThat(r.status()).isEqualTo(VerificationStatus.UNKNOWN_KEY);
        assertThat(r.detail()).isEqualTo("no release key version B in the key storage");
        assertThat(r.computedSha512()).isPresent();
    }

    @Test
    void revokedKeyIsRefused() throws Exception {
        SoftwareKey releaseA = TestPki.key("release-A").publicKey();
        TrustedKeys revoked = (type, version) -> type == KeyType.RELEASE && version == 'A'
                ? Optional.of(new StoredKey(releaseA, KeyState.REVOKED)) : Optional.empty();
        VerificationResult r = verify(TestPki.production(payload(100, 8)), revoked);
        assertThat(r.status()).isEqualTo(VerificationStatus.REVOKED_KEY);
        assertThat(r.detail()).isEqualTo("release key version A is revoked");
    }

    @Test
    void unsignedFilesAreNotSigned() throws Exception {
        for (byte[] file : new byte[][] {new byte[0], new byte[5], payload(100_000, 9)}) {
            VerificationResult r = verify(file, factoryKeys());
            assertThat(r.status()).isEqualTo(VerificationStatus.NOT_SIGNED);
            assertThat(r.detail()).isEqualTo("no signature trailer");
            assertThat(r.signature()).isEmpty();
        }
    }

    @Test
    void truncationAtEveryRegionBoundaryGivesTheDocumentedResult() throws Exception {
        byte[] payload = payload(4096, 10);
        byte[] image = TestPki.production(payload);
        int envelopeEnd = image.length - ImageTrailer.LENGTH;
        int envelopeLength = envelopeEnd - payload.length;
        record Cut(int length, VerificationStatus status, String detail) {
        }
        List<Cut> cuts = List.of(
                new Cut(0, VerificationStatus.NOT_SIGNED, "no signature trailer"),
                new Cut(payload.length / 2, VerificationStatus.NOT_SIGNED, "no signature trailer"),
                new Cut(payload.length, VerificationStatus.NOT_SIGNED, "no signature trailer"),
                new Cut(payload.length + envelopeLength / 2, VerificationStatus.NOT_SIGNED, "no signature trailer"),
                new Cut(envelopeEnd, VerificationStatus.NOT_SIGNED, "no signature trailer"),
                new Cut(envelopeEnd + 4, VerificationStatus.NOT_SIGNED, "no signature trailer"),
                new Cut(envelopeEnd + 8, VerificationStatus.MALFORMED, "signature trailer truncated (8 of 12 bytes)"),
                new Cut(envelopeEnd + 11, VerificationStatus.MALFORMED,
                        "signature trailer truncated (11 of 12 bytes)"),
                new Cut(image.length, VerificationStatus.VALID, ""));
        for (Cut c : cuts) {
            byte[] cut = Arrays.copyOf(image, c.length());
            VerificationResult r = verify(cut, factoryKeys());
            assertThat(r.status()).as("cut at %d", c.length()).isEqualTo(c.status());
            assertThat(r.detail()).as("cut at %d", c.length()).isEqualTo(c.detail());
        }
    }

    @Test
    void trailerLengthsThatCannotBeTrustedAreMalformed() throws Exception {
        byte[] image = TestPki.production(payload(1000, 11));
        int lengthAt = image.length - 4;
        assertThat(verify(withLength(image, lengthAt, 0), factoryKeys()).detail()).isEqualTo("envelope length is 0");
        assertThat(verify(withLength(image, lengthAt, 0xffffffffL), factoryKeys()).detail())
                .isEqualTo("envelope length 4294967295 exceeds the 65536-byte limit");
        assertThat(verify(withLength(image, lengthAt, 65536), factoryKeys()).detail())
                .startsWith("trailer points outside the file: envelope of 65536 bytes");
        VerificationResult shorter = verify(withLength(image, lengthAt, 100), factoryKeys());
        assertThat(shorter.status()).isEqualTo(VerificationStatus.MALFORMED);
        // The last 100 bytes of the envelope are the end of a random signature: anything but one DER element.
        assertThat(shorter.detail()).startsWith("envelope is not DER: ");
        byte[] appended = Arrays.copyOf(image, image.length + 3);
        assertThat(verify(appended, factoryKeys()).detail()).isEqualTo("3 bytes follow the signature trailer");
    }

    @Test
    void garbageEnvelopesAreMalformedNeverThrown() throws Exception {
        Random random = new Random(12);
        byte[] payload = payload(64, 13);
        for (int i = 0; i < 200; i++) {
            byte[] envelope = new byte[1 + random.nextInt(3000)];
            random.nextBytes(envelope);
            if (i % 2 == 0) {
                envelope[0] = 0x30;
            }
            VerificationResult r = verify(concat(payload, envelope, ImageTrailer.encode(envelope.length)),
                    factoryKeys());
            assertThat(r.status()).isEqualTo(VerificationStatus.MALFORMED);
            assertThat(r.detail()).isNotBlank();
        }
        byte[] deep = new byte[60_000];
        for (int i = 0; i < deep.length; i += 2) {
            deep[i] = 0x30;
            deep[i + 1] = (byte) 0x80;
        }
        assertThat(verify(concat(payload, deep, ImageTrailer.encode(deep.length)), factoryKeys()).detail())
                .isEqualTo("envelope is not DER: indefinite length (not DER) at offset 0");
    }

    @Test
    void everyByteFlippedOutsideTheCertificateIsRefused() throws Exception {
        byte[] payload = payload(256, 14);
        byte[] image = TestPki.production(payload);
        // The certificate only names the signer (the device trusts its key storage), so it is not covered.
        byte[] certificate = TestPki.key("release-A").certificate().getEncoded();
        int certificateAt = indexOf(image, certificate, payload.length);
        for (int i = payload.length; i < image.length; i++) {
            byte[] copy = image.clone();
            copy[i] ^= (byte) 0xA5;
            VerificationResult r = verify(copy, factoryKeys());
            if (i < certificateAt || i >= certificateAt + certificate.length) {
                assertThat(r.status()).as("byte %d", i).isNotEqualTo(VerificationStatus.VALID);
            }
        }
    }

    /** An envelope made by Bouncy Castle's own CMS generator: standard attributes only, no image metadata. */
    static byte[] foreignEnvelope(byte[] payload, String signatureAlgorithm, boolean encapsulate) throws Exception {
        LabKey key = TestPki.key("release-A");
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        X509CertificateHolder certificate = new X509CertificateHolder(key.certificate());
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().build()).build(new JcaContentSignerBuilder(signatureAlgorithm)
                .setProvider(new BouncyCastleProvider()).build(key.privateKey()), certificate));
        generator.addCertificate(certificate);
        return generator.generate(new CMSProcessableByteArray(payload), encapsulate).getEncoded("DER");
    }

    VerificationResult withEnvelope(byte[] payload, byte[] envelope) throws IOException {
        return verify(concat(payload, envelope, ImageTrailer.encode(envelope.length)), factoryKeys());
    }

    @Test
    void envelopesThatBreakTheContractNameTheRule() throws Exception {
        byte[] payload = payload(500, 15);
        assertThat(withEnvelope(payload, foreignEnvelope(payload, "SHA256withRSA", false)).detail())
                .isEqualTo("envelope digest algorithms do not include SHA-512");
        assertThat(withEnvelope(payload, foreignEnvelope(payload, "SHA512withRSA", false)).detail())
                .isEqualTo("image metadata attribute missing");
        assertThat(withEnvelope(payload, foreignEnvelope(payload, "SHA512withRSA", true)).detail())
                .isEqualTo("envelope carries the content; it must be detached");
        byte[] notSigned = new ContentInfo(
                CMSObjectIdentifiers.data, new DEROctetString(payload))
                .getEncoded("DER");
        assertThat(withEnvelope(payload, notSigned).detail())
                .isEqualTo("envelope content type is 1.2.840.113549.1.7.1, not signedData");
        VerificationResult r = withEnvelope(payload, foreignEnvelope(payload, "SHA512withRSAandMGF1", false));
        assertThat(r.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(r.detail()).isEqualTo("signature algorithm 1.2.840.113549.1.1.10 is not sha512WithRSAEncryption");
    }

    static byte[] withLength(byte[] image, int at, long length) {
        byte[] copy = image.clone();
        ByteBuffer.wrap(copy, at, 4).putInt((int) length);
        return copy;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
