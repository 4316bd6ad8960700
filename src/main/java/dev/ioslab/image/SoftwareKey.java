package dev.ioslab.image;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Optional;

/**
 * A public software-signing key as a device stores it: its type, its version letter and its RSA-2048 modulus and
 * public exponent. Immutable; two keys are equal when all four are.
 */
public record SoftwareKey(KeyType type, char version, BigInteger modulus, BigInteger exponent) {

    /** The only key size the format accepts (the contract: RSA-2048). */
    public static final int MODULUS_BITS = 2048;
    private static final BigInteger MAX_EXPONENT = BigInteger.ONE.shiftLeft(32);

    /**
     * @throws IllegalArgumentException when the version is not a letter A to Z, the modulus is not 2048 bits or the
     *         exponent is not an odd number between 3 and 2^32
     */
    public SoftwareKey {
        if (type == null) {
            throw new IllegalArgumentException("key type missing");
        }
        if (!isVersion(version)) {
            throw new IllegalArgumentException("key version must be a letter A to Z: '" + version + "'");
        }
        if (modulus == null || modulus.signum() <= 0 || modulus.bitLength() != MODULUS_BITS) {
            throw new IllegalArgumentException("key modulus must be " + MODULUS_BITS + " bits"
                    + (modulus == null ? "" : ", not " + modulus.bitLength()));
        }
        if (exponent == null || exponent.compareTo(BigInteger.valueOf(3)) < 0 || !exponent.testBit(0)
                || exponent.compareTo(MAX_EXPONENT) >= 0) {
            throw new IllegalArgumentException("key exponent must be odd, at least 3 and below 2^32");
        }
    }

    /** The key of an RSA public key. */
    public static SoftwareKey of(KeyType type, char version, RSAPublicKey key) {
        return new SoftwareKey(type, version, key.getModulus(), key.getPublicExponent());
    }

    /** Whether {@code c} is a key version letter (A to Z). */
    public static boolean isVersion(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** {@code release-A}: the key's name in file names and on the signing tool's command line. */
    public String label() {
        return type.label() + "-" + version;
    }

    /** The key as a JCA public key, for signature checks. */
    public RSAPublicKey publicKey() {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is required of every JVM", e);
        }
    }

    /** Whether this key has the same RSA key as {@code other}, whatever the type and version. */
    public boolean sameKeyAs(SoftwareKey other) {
        return modulus.equals(other.modulus) && exponent.equals(other.exponent);
    }

    /** The type and version parsed from a label such as {@code release-A}, if it is one. */
    public static Optional<Label> parseLabel(String label) {
        int dash = label.lastIndexOf('-');
        if (dash <= 0 || dash != label.length() - 2 || !isVersion(label.charAt(dash + 1))) {
            return Optional.empty();
        }
        return KeyType.ofLabel(label.substring(0, dash)).map(t -> new Label(t, label.charAt(dash + 1)));
    }

    /** A key's type and version letter: {@code release-A}. */
    public record Label(KeyType type, char version) {
        @Override
        public String toString() {
            return type.label() + "-" + version;
        }
    }
}
