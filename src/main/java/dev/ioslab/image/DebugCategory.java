package dev.ioslab.image;

import java.util.Locale;

/**
 * The kinds of software-authenticity debugging ({@code debug software authenticity envelope|errors|key|revocation|
 * show|verbose}). {@link #VERBOSE} turns every kind on.
 */
public enum DebugCategory {
    ENVELOPE("Signature envelope parsing"),
    ERRORS("Errors found while verifying images"),
    KEY("Key storage lookups"),
    REVOCATION("Key revocation and additions"),
    SHOW("Show commands"),
    VERBOSE("Everything, including hashing progress");

    private final String help;

    DebugCategory(String help) {
        this.help = help;
    }

    /** The keyword typed after {@code debug software authenticity}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code ?} help of the keyword. */
    public String help() {
        return help;
    }
}
