package dev.ioslab.image;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
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
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;

/**
 * Builds the DER signature envelope for a payload whose SHA-512 is already known (RFC 5652 §5): SignedData version 1,
 * detached {@code id-data} content, digest id-sha512 (parameters absent, RFC 5754 §2), one SignerInfo identified by
 * issuer and serial number, signed attributes content-type, message-digest and the image metadata (nothing else, so
 * the same key, payload and metadata always give the same bytes), signature sha512WithRSAEncryption (RFC 4055 §5,
 * NULL parameters) over the DER SET OF the signed attributes, and the signer's certificate. Stateless.
 */
final class EnvelopeBuilder {

    private EnvelopeBuilder() {
    }

    static byte[] build(byte[] sha512, ImageMetadata metadata, PrivateKey key, Certificate certificate)
            throws GeneralSecurityException {
        if (sha512.length != EnvelopeParser.DIGEST_BYTES) {
            throw new IllegalArgumentException("a SHA-512 digest has 64 bytes, not " + sha512.length);
        }
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
        attributes.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(sha512))));
        attributes.add(new Attribute(MetadataAttribute.OID, new DERSet(MetadataAttribute.encode(metadata))));
        // DERSet sorts its members by their encodings, as DER requires of a SET OF (X.690 §11.6).
        ASN1Set signedAttributes = new DERSet(attributes);
        byte[] signature;
        try {
            Signature rsa = Signature.getInstance("SHA512withRSA");
            rsa.initSign(key);
            rsa.update(signedAttributes.getEncoded(ASN1Encoding.DER));
            signature = rsa.sign();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode signed attributes", e);
        }
        AlgorithmIdentifier sha512Id = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha512);
        SignerInfo signer = new SignerInfo(
                new SignerIdentifier(new IssuerAndSerialNumber(certificate.getIssuer(),
                        certificate.getSerialNumber().getValue())),
                sha512Id, signedAttributes,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.sha512WithRSAEncryption, DERNull.INSTANCE),
                new DEROctetString(signature), null);
        SignedData signedData = new SignedData(new DERSet(sha512Id), new ContentInfo(CMSObjectIdentifiers.data, null),
                new DERSet(certificate), null, new DERSet(signer));
        try {
            return new ContentInfo(CMSObjectIdentifiers.signedData, signedData).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the envelope", e);
        }
    }
}
