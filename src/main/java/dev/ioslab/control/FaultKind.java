package dev.ioslab.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a planned fault strikes: a remote transfer, a flash file system, the sessions, or the next boot. */
public enum FaultKind {
    TRANSFER, FLASH, SESSION, BOOT;

    /** The name the API uses, e.g. {@code transfer}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind called {@code label}, if there is one. */
    public static Optional<FaultKind> of(String label) {
        return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst();
    }
}
