package dev.ioslab.image;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The DER codec of the image metadata signed attribute (docs/image-format.md, "Metadata attribute"):
 *
 * <pre>
 * IoslabImageMetadata ::= SEQUENCE {
 *     formatVersion  INTEGER (1),
 *     imageType      ENUMERATED { production(0), special(1), revocation(2), rommon(3) },
 *     keyType        ENUMERATED { release(0), development(1), rollover(2) },
 *     keyVersion     PrintableString (SIZE (1)),          -- "A" .. "Z"
 *     platform       UTF8String (SIZE (1..64)),
 *     version        UTF8String (SIZE (1..128)),
 *     bundledKey     [0] EXPLICIT BundledKey OPTIONAL }
 * BundledKey ::= SEQUENCE {
 *     keyType        ENUMERATED { release(0), development(1), rollover(2) },
 *     keyVersion     PrintableString (SIZE (1)),
 *     publicKey      SubjectPublicKeyInfo }               -- rsaEncryption, RFC 3279 section 2.3.1
 * </pre>
 *
 * The attribute type is {@link #OID}, an OID under the UUID arc {@code 2.25} (ITU-T X.667), so it needs no registry.
 * Stateless.
 */
final class MetadataAttribute {

    /** The attribute type: {@code 2.25.<UUID 48565bb7-af25-4520-91eb-70da99d0f090 as an integer>}. */
    static final ASN1ObjectIdentifier OID = new ASN1ObjectIdentifier("2.25.96152813478580543855668968352646230160");
    /** The only {@code formatVersion} defined. */
    static final int FORMAT_VERSION = 1;

    private MetadataAttribute() {
    }

    /** The attribute value for {@code metadata}. */
    static ASN1Encodable encode(ImageMetadata metadata) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(FORMAT_VERSION));
        v.add(new ASN1Enumerated(metadata.imageType().code()));
        v.add(new ASN1Enumerated(metadata.keyType().code()));
        v.add(new DERPrintableString(String.valueOf(metadata.keyVersion())));
        v.add(new DERUTF8String(metadata.platform()));
        v.add(new DERUTF8String(metadata.version()));
        metadata.bundledKey().ifPresent(k -> v.add(new DERTaggedObject(true, 0, encodeKey(k))));
        return new DERSequence(v);
    }

    private static ASN1Encodable encodeKey(SoftwareKey key) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Enumerated(key.type().code()));
        v.add(new DERPrintableString(String.valueOf(key.version())));
        v.add(subjectPublicKeyInfo(key.modulus(), key.exponent()));
        return new DERSequence(v);
    }

    /** RFC 3279 section 2.3.1: rsaEncryption with NULL parameters, the key an RSAPublicKey. */
    static SubjectPublicKeyInfo subjectPublicKeyInfo(BigInteger modulus, BigInteger exponent) {
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                    DERNull.INSTANCE), new RSAPublicKey(modulus, exponent));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an RSA public key", e);
        }
    }

    /** The metadata an attribute value holds; every deviation from the definition above is reported. */
    static ImageMetadata decode(ASN1Encodable value) throws ImageFormatException {
        ASN1Sequence seq = sequence(value, "image metadata");
        int n = seq.size();
        if (n != 6 && n != 7) {
            throw ImageFormatException.malformed("image metadata has " + n + " fields, expected 6 or 7");
        }
        long formatVersion = integer(seq.getObjectAt(0), "metadata format version");
        if (formatVersion != FORMAT_VERSION) {
            throw ImageFormatException.malformed("image metadata format version " + formatVersion
                    + " is not supported (expected " + FORMAT_VERSION + ")");
        }
        long imageCode = enumerated(seq.getObjectAt(1), "image type");
        ImageType imageType = ImageType.ofCode(imageCode).orElseThrow(
                () -> ImageFormatException.malformed("unknown image type " + imageCode));
        KeyType keyType = keyType(seq.getObjectAt(2));
        char keyVersion = keyVersion(seq.getObjectAt(3));
        String platform = utf8(seq.getObjectAt(4), "platform");
        String version = utf8(seq.getObjectAt(5), "version");
        Optional<SoftwareKey> bundled = Optional.empty();
        if (n == 7) {
            ASN1Primitive tagged = seq.getObjectAt(6).toASN1Primitive();
            if (!(tagged instanceof ASN1TaggedObject t) || t.getTagClass() != BERTags.CONTEXT_SPECIFIC
                    || t.getTagNo() != 0 || !t.isExplicit()) {
                throw ImageFormatException.malformed("image metadata: the 7th field is not the [0] bundled key");
            }
            bundled = Optional.of(decodeKey(t.getExplicitBaseObject()));
        }
        try {
            return new ImageMetadata(imageType, keyType, keyVersion, platform, version, bundled);
        } catch (IllegalArgumentException e) {
            throw ImageFormatException.malformed("image metadata: " + e.getMessage());
        }
    }

    private static SoftwareKey decodeKey(ASN1Encodable value) throws ImageFormatException {
        ASN1Sequence seq = sequence(value, "bundled key");
        if (seq.size() != 3) {
            throw ImageFormatException.malformed("bundled key has " + seq.size() + " fields, expected 3");
        }
        KeyType type = keyType(seq.getObjectAt(0));
        char version = keyVersion(seq.getObjectAt(1));
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(seq.getObjectAt(2));
            if (!PKCSObjectIdentifiers.rsaEncryption.equals(info.getAlgorithm().getAlgorithm())) {
                throw ImageFormatException.malformed("bundled key is not an RSA key: "
                        + info.getAlgorithm().getAlgorithm().getId());
            }
            DerScanner.check(info.getPublicKeyData().getOctets(), "bundled key");
            RSAPublicKey rsa = RSAPublicKey.getInstance(info.parsePublicKey());
            return new SoftwareKey(type, version, rsa.getModulus(), rsa.getPublicExponent());
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ImageFormatException.malformed("bundled key: " + reason(e));
        }
    }

    private static KeyType keyType(ASN1Encodable value) throws ImageFormatException {
        long code = enumerated(value, "key type");
        return KeyType.ofCode(code).orElseThrow(() -> ImageFormatException.malformed("unknown key type " + code));
    }

    private static char keyVersion(ASN1Encodable value) throws ImageFormatException {
        if (!(value.toASN1Primitive() instanceof DERPrintableString s)) {
            throw ImageFormatException.malformed("key version is not a PrintableString");
        }
        String text = s.getString();
        if (text.length() != 1 || !SoftwareKey.isVersion(text.charAt(0))) {
            throw ImageFormatException.malformed("key version must be one letter A to Z: \"" + text + "\"");
        }
        return text.charAt(0);
    }

    private static String utf8(ASN1Encodable value, String what) throws ImageFormatException {
        if (!(value.toASN1Primitive() instanceof DERUTF8String s)) {
            throw ImageFormatException.malformed(what + " is not a UTF8String");
        }
        return s.getString();
    }

    private static ASN1Sequence sequence(ASN1Encodable value, String what) throws ImageFormatException {
        if (!(value.toASN1Primitive() instanceof ASN1Sequence s)) {
            throw ImageFormatException.malformed(what + " is not a SEQUENCE");
        }
        return s;
    }

    private static long integer(ASN1Encodable value, String what) throws ImageFormatException {
        if (!(value.toASN1Primitive() instanceof ASN1Integer i)) {
            throw ImageFormatException.malformed(what + " is not an INTEGER");
        }
        return small(i.getValue(), what);
    }

    private static long enumerated(ASN1Encodable value, String what) throws ImageFormatException {
        if (!(value.toASN1Primitive() instanceof ASN1Enumerated e)) {
            throw ImageFormatException.malformed(what + " is not an ENUMERATED");
        }
        return small(e.getValue(), what);
    }

    private static long small(BigInteger value, String what) throws ImageFormatException {
        if (value.bitLength() > 31) {
            throw ImageFormatException.malformed(what + " is out of range");
        }
        return value.longValue();
    }

    static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
