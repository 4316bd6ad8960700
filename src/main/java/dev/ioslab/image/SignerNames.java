package dev.ioslab.image;

/**
 * The subject names of the lab's signing certificates, which {@code show software authenticity} prints as the signer:
 * common name, organizational unit (Cisco puts the platform there, {@code C2900}) and organization. Immutable.
 */
public record SignerNames(String commonName, String organizationUnit, String organizationName) {

    /** What real ISR G2 images name: {@code CiscoSystems}, the platform {@code C3900}, {@code CiscoSystems}. */
    public static final SignerNames DEFAULT = new SignerNames("CiscoSystems", "C3900", "CiscoSystems");

    public SignerNames {
        for (String s : new String[] {commonName, organizationUnit, organizationName}) {
            if (s == null || s.isBlank() || s.length() > 64) {
                throw new IllegalArgumentException("certificate names must be 1 to 64 characters: \"" + s + "\"");
            }
        }
    }
}
