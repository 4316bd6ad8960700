package dev.ioslab.commands.exec;

import dev.ioslab.image.ImageSignature;
import dev.ioslab.image.SignerIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The record layout of {@code show software authenticity file|running} (reference §8.1): labels left-justified so
 * that {@code : } starts at column 30, nested labels indented by 4 and 8 spaces; and the hash blocks of
 * {@code verify} (reference §4.4): 128 hex digits in four rows of 32 under a 22-column label. Stateless.
 */
final class AuthenticityText {

    /** Column where {@code : } starts in the authenticity records. */
    static final int LABEL_WIDTH = 30;
    /** Width of {@code Computed Hash   SHA2: }. */
    static final int HASH_LABEL_WIDTH = 22;

    private AuthenticityText() {
    }

    /** {@code label} padded to {@value #LABEL_WIDTH} columns, then {@code : value}. */
    static String field(String label, String value) {
        StringBuilder sb = new StringBuilder(label);
        while (sb.length() < LABEL_WIDTH) {
            sb.append(' ');
        }
        return sb.append(": ").append(value).toString();
    }

    /** From {@code Image type} to {@code Key Version}: what a signature says. */
    static List<String> signature(ImageSignature signature) {
        SignerIdentity signer = signature.signer();
        List<String> lines = new ArrayList<>();
        lines.add(field("Image type", signature.metadata().imageTypeDisplay()));
        lines.add("    Signer Information");
        lines.add(field("        Common Name", signer.commonName()));
        lines.add(field("        Organization Unit", signer.organizationUnit()));
        lines.add(field("        Organization Name", signer.organizationName()));
        lines.add(field("    Certificate Serial Number", signer.serialHex()));
        lines.add(field("    Hash Algorithm", ImageSignature.HASH_ALGORITHM));
        lines.add(field("    Signature Algorithm", ImageSignature.SIGNATURE_ALGORITHM));
        lines.add(field("    Key Version", String.valueOf(signature.metadata().keyVersion())));
        return lines;
    }

    /**
     * The verifier record. IOS prints the ROM monitor's version string, which itself ends in a line break, so
     * {@code Technical Support: ...} follows flush left (reference §8.1).
     */
    static List<String> verifier(String name, String romVersion) {
        return List.of("", "    Verifier Information", field("        Verifier Name", name),
                field("        Verifier Version", "System Bootstrap, Version " + romVersion
                        + ", RELEASE SOFTWARE (fc1)"),
                "Technical Support: http://www.cisco.com/techsupport");
    }

    /** A section title underlined with dashes ({@code SYSTEM IMAGE} / {@code ------------}). */
    static List<String> title(String title) {
        return List.of(title, "-".repeat(title.length()));
    }

    /** {@code Computed Hash   SHA2: <32 hex>} and three more rows of 32, upper case, then the 22-space line. */
    static List<String> sha2(String label, String hex) {
        String upper = hex.toUpperCase(Locale.ROOT);
        String indent = " ".repeat(HASH_LABEL_WIDTH);
        List<String> lines = new ArrayList<>();
        for (int row = 0; row * 32 < upper.length(); row++) {
            String digits = upper.substring(row * 32, Math.min(upper.length(), row * 32 + 32));
            lines.add((row == 0 ? label + "SHA2: " : indent) + digits);
        }
        // The "blank" line after each block holds 22 spaces on a real device (reference §4.4).
        lines.add(indent);
        return lines;
    }
}
