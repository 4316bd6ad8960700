package dev.ioslab.image;

import java.util.HexFormat;

/**
 * A parsed signature envelope: the image metadata, who the certificate names as signer, the SHA-512 of the payload
 * as signed (the {@code message-digest} attribute), and what the signature covers and is. Immutable (arrays are
 * copied in and out).
 */
public final class SignatureEnvelope {

    private final ImageMetadata metadata;
    private final SignerIdentity signer;
    private final byte[] embeddedDigest;
    private final byte[] signedAttributes;
    private final byte[] signature;
    private final int length;

    SignatureEnvelope(ImageMetadata metadata, SignerIdentity signer, byte[] embeddedDigest, byte[] signedAttributes,
                      byte[] signature, int length) {
        this.metadata = metadata;
        this.signer = signer;
        this.embeddedDigest = embeddedDigest.clone();
        this.signedAttributes = signedAttributes.clone();
        this.signature = signature.clone();
        this.length = length;
    }

    public ImageMetadata metadata() {
        return metadata;
    }

    public SignerIdentity signer() {
        return signer;
    }

    /** The embedded SHA-512 of the payload, lower-case hex. */
    public String embeddedSha512() {
        return HexFormat.of().formatHex(embeddedDigest);
    }

    /** Size of the DER envelope in bytes. */
    public int length() {
        return length;
    }

    byte[] embeddedDigest() {
        return embeddedDigest.clone();
    }

    /** The DER encoding of the signed attributes with the SET OF tag: what the signature covers (RFC 5652 §5.4). */
    byte[] signedAttributes() {
        return signedAttributes.clone();
    }

    byte[] signature() {
        return signature.clone();
    }

    /** What {@code show software authenticity} prints about the signature. */
    public ImageSignature describe() {
        return new ImageSignature(metadata, signer);
    }
}
