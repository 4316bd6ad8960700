package dev.ioslab.image;

import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * Takes a DER signature envelope apart (RFC 5652 SignedData, docs/image-format.md) and checks everything the
 * contract fixes: detached {@code id-data} content, SHA-512 digest, RSA signature of 256 bytes with
 * sha512WithRSAEncryption (or rsaEncryption, which RFC 3370 §3.2 allows and OpenSSL writes), exactly one signer whose
 * certificate is included, and signed attributes holding exactly one content-type, one message-digest and one image
 * metadata attribute. Every deviation becomes an {@link ImageFormatException} with the reason; nothing else escapes.
 * Stateless.
 */
final class EnvelopeParser {

    /** Signature length of RSA-2048. */
    static final int SIGNATURE_BYTES = SoftwareKey.MODULUS_BITS / 8;
    /** Length of a SHA-512 digest. */
    static final int DIGEST_BYTES = 64;

    private EnvelopeParser() {
    }

    static SignatureEnvelope parse(byte[] der) throws ImageFormatException {
        DerScanner.check(der, "envelope");
        try {
            return parseChecked(der);
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ImageFormatException.malformed("envelope is not a CMS SignedData: " + MetadataAttribute.reason(e));
        }
    }

    private static SignatureEnvelope parseChecked(byte[] der) throws IOException, ImageFormatException {
        ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
        if (!CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
            throw ImageFormatException.malformed("envelope content type is " + info.getContentType().getId()
                    + ", not signedData");
        }
        SignedData signed = SignedData.getInstance(info.getContent());
        // RFC 5652 §5.1: version 1 with issuer-and-serial signers, 3 when a signer is named by key identifier.
        int version = signed.getVersion().intValueExact();
        if (version != 1 && version != 3) {
            throw ImageFormatException.malformed("SignedData version " + version + " is not 1 or 3");
        }
        ContentInfo encapsulated = signed.getEncapContentInfo();
        if (!CMSObjectIdentifiers.data.equals(encapsulated.getContentType())) {
            throw ImageFormatException.malformed("signed content type is " + encapsulated.getContentType().getId()
                    + ", not id-data");
        }
        if (encapsulated.getContent() != null) {
            throw ImageFormatException.malformed("envelope carries the content; it must be detached");
        }
        boolean sha512Listed = false;
        for (ASN1Encodable a : signed.getDigestAlgorithms()) {
            sha512Listed |= isSha512(AlgorithmIdentifier.getInstance(a));
        }
        if (!sha512Listed) {
            throw ImageFormatException.malformed("envelope digest algorithms do not include SHA-512");
        }
        ASN1Set signers = signed.getSignerInfos();
        if (signers.size() != 1) {
            throw ImageFormatException.malformed("envelope has " + signers.size() + " signers, expected one");
        }
        SignerInfo signer = SignerInfo.getInstance(signers.getObjectAt(0));
        int signerVersion = signer.getVersion().intValueExact();
        if (signerVersion != (signer.getSID().isTagged() ? 3 : 1)) {
            throw ImageFormatException.malformed("SignerInfo version " + signerVersion + " does not match its signer"
                    + " identifier (RFC 5652 §5.3)");
        }
        if (!isSha512(signer.getDigestAlgorithm())) {
            throw ImageFormatException.malformed("digest algorithm "
                    + signer.getDigestAlgorithm().getAlgorithm().getId() + " is not SHA-512");
        }
        ASN1ObjectIdentifier signatureAlgorithm = signer.getDigestEncryptionAlgorithm().getAlgorithm();
        if (!PKCSObjectIdentifiers.sha512WithRSAEncryption.equals(signatureAlgorithm)
                && !PKCSObjectIdentifiers.rsaEncryption.equals(signatureAlgorithm)) {
            throw ImageFormatException.malformed("signature algorithm " + signatureAlgorithm.getId()
                    + " is not sha512WithRSAEncryption");
        }
        if (!absentOrNull(signer.getDigestEncryptionAlgorithm().getParameters())) {
            // RFC 5754 §3.2: the parameters of an RSA signature algorithm are NULL.
            throw ImageFormatException.malformed("signature algorithm parameters are not NULL");
        }
        byte[] signature = signer.getEncryptedDigest().getOctets();
        if (signature.length != SIGNATURE_BYTES) {
            throw ImageFormatException.malformed("signature is " + signature.length + " bytes, expected "
                    + SIGNATURE_BYTES + " (RSA-2048)");
        }
        ASN1Set attributes = signer.getAuthenticatedAttributes();
        if (attributes == null) {
            throw ImageFormatException.malformed("envelope has no signed attributes");
        }
        SignedAttributes signedAttributes = SignedAttributes.read(attributes);
        SignerIdentity identity = identity(signerCertificate(signed, signer.getSID()));
        return new SignatureEnvelope(signedAttributes.metadata, identity, signedAttributes.digest,
                attributes.getEncoded(ASN1Encoding.DER), signature, der.length);
    }

    /** RFC 5754 §2: id-sha512 with absent (or, tolerated, NULL) parameters. */
    private static boolean isSha512(AlgorithmIdentifier id) {
        return NISTObjectIdentifiers.id_sha512.equals(id.getAlgorithm()) && absentOrNull(id.getParameters());
    }

    private static boolean absentOrNull(ASN1Encodable parameters) {
        return parameters == null || parameters.toASN1Primitive() instanceof DERNull;
    }

    /** The three attributes the format requires, each exactly once (RFC 5652 §5.3: no attribute type twice). */
    private record SignedAttributes(ImageMetadata metadata, byte[] digest) {

        static SignedAttributes read(ASN1Set set) throws ImageFormatException {
            ImageMetadata metadata = null;
            byte[] digest = null;
            boolean contentType = false;
            for (ASN1Encodable e : set) {
                Attribute a = Attribute.getInstance(e);
                ASN1ObjectIdentifier type = a.getAttrType();
                ASN1Set values = a.getAttrValues();
                if (values.size() != 1) {
                    throw ImageFormatException.malformed("signed attribute " + type.getId() + " has "
                            + values.size() + " values, expected one");
                }
                ASN1Encodable value = values.getObjectAt(0);
                if (CMSAttributes.contentType.equals(type)) {
                    once(contentType, "content-type");
                    contentType = true;
                    if (!CMSObjectIdentifiers.data.equals(value.toASN1Primitive())) {
                        throw ImageFormatException.malformed("content-type attribute is not id-data");
                    }
                } else if (CMSAttributes.messageDigest.equals(type)) {
                    once(digest != null, "message-digest");
                    if (!(value.toASN1Primitive() instanceof ASN1OctetString octets)
                            || octets.getOctets().length != DIGEST_BYTES) {
                        throw ImageFormatException.malformed("message-digest attribute is not a 64-byte SHA-512");
                    }
                    digest = octets.getOctets();
                } else if (MetadataAttribute.OID.equals(type)) {
                    once(metadata != null, "image metadata");
                    metadata = MetadataAttribute.decode(value);
                }
            }
            if (!contentType) {
                throw ImageFormatException.malformed("content-type attribute missing");
            }
            if (digest == null) {
                throw ImageFormatException.malformed("message-digest attribute missing");
            }
            if (metadata == null) {
                throw ImageFormatException.malformed("image metadata attribute missing");
            }
            return new SignedAttributes(metadata, digest);
        }

        private static void once(boolean seen, String name) throws ImageFormatException {
            if (seen) {
                throw ImageFormatException.malformed(name + " attribute appears twice");
            }
        }
    }

    /** The included certificate that the signer identifier names (issuer and serial, or subject key identifier). */
    private static Certificate signerCertificate(SignedData signed, SignerIdentifier sid) throws ImageFormatException {
        ASN1Set certificates = signed.getCertificates();
        if (certificates == null || certificates.size() == 0) {
            throw ImageFormatException.malformed("signer certificate missing");
        }
        ASN1Encodable id = sid.getId();
        for (ASN1Encodable e : certificates) {
            if (!(e.toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1Sequence)) {
                continue;
            }
            Certificate c = Certificate.getInstance(e);
            if (id instanceof ASN1OctetString ski) {
                if (Arrays.equals(ski.getOctets(), subjectKeyIdentifier(c))) {
                    return c;
                }
            } else {
                IssuerAndSerialNumber ias = IssuerAndSerialNumber.getInstance(id);
                if (ias.getName().equals(c.getIssuer()) && ias.getSerialNumber().equals(c.getSerialNumber())) {
                    return c;
                }
            }
        }
        throw ImageFormatException.malformed("signer certificate missing (no included certificate matches the"
                + " signer identifier)");
    }

    private static byte[] subjectKeyIdentifier(Certificate c) throws ImageFormatException {
        if (c.getTBSCertificate().getExtensions() == null) {
            return null;
        }
        Extension ext = c.getTBSCertificate().getExtensions().getExtension(Extension.subjectKeyIdentifier);
        if (ext == null) {
            return null;
        }
        byte[] value = ext.getExtnValue().getOctets();
        DerScanner.check(value, "subject key identifier");
        return SubjectKeyIdentifier.getInstance(ext.getParsedValue()).getKeyIdentifier();
    }

    /** Who a certificate names: subject CN, OU, O and its serial number. */
    static SignerIdentity identity(Certificate c) {
        X500Name subject = c.getSubject();
        return new SignerIdentity(rdn(subject, BCStyle.CN), rdn(subject, BCStyle.OU), rdn(subject, BCStyle.O),
                c.getSerialNumber().getValue());
    }

    private static String rdn(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return "";
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String s ? s.getString() : value.toString();
    }
}
