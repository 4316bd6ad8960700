package dev.ioslab.image;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.x509.Certificate;

/**
 * One signing key of the lab PKI: its type and version letter, its RSA-2048 private key and its self-signed X.509
 * certificate, whose subject and serial number name the signer in every image it signs. The private key never
 * leaves this package and never appears in {@link #toString()}. Immutable.
 */
public final class LabKey {

    private final KeyType type;
    private final char version;
    private final PrivateKey privateKey;
    private final Certificate certificate;
    private final SoftwareKey publicKey;

    LabKey(KeyType type, char version, PrivateKey privateKey, RSAPublicKey publicKey, Certificate certificate) {
        this.type = type;
        this.version = version;
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.publicKey = SoftwareKey.of(type, version, publicKey);
    }

    public KeyType type() {
        return type;
    }

    public char version() {
        return version;
    }

    /** {@code release-A}. */
    public String label() {
        return publicKey.label();
    }

    /** The public half, as a device's key storage holds it. */
    public SoftwareKey publicKey() {
        return publicKey;
    }

    /** Who the certificate names. */
    public SignerIdentity signer() {
        return EnvelopeParser.identity(certificate);
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    Certificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        SignerIdentity s = signer();
        return label() + " (CN=" + s.commonName() + ", OU=" + s.organizationUnit() + ", serial " + s.serialHex() + ")";
    }
}
