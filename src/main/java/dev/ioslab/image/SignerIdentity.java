package dev.ioslab.image;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Who signed an image, as its X.509 certificate names the signer: subject common name, organizational unit and
 * organization, and the certificate's serial number. Only a name: a device trusts the keys in its key storage, never
 * the certificate. Immutable.
 */
public record SignerIdentity(String commonName, String organizationUnit, String organizationName, BigInteger serial) {

    public SignerIdentity {
        commonName = commonName == null ? "" : commonName;
        organizationUnit = organizationUnit == null ? "" : organizationUnit;
        organizationName = organizationName == null ? "" : organizationName;
        if (serial == null) {
            throw new IllegalArgumentException("certificate serial number missing");
        }
    }

    /** The serial number as IOS prints it: upper-case hexadecimal, at least 8 digits ({@code 50B3F3FE}). */
    public String serialHex() {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() >= 8 ? hex : "0".repeat(8 - hex.length()) + hex;
    }
}
