package dev.ioslab.transfer.tftp;

import java.util.Locale;
import java.util.Optional;

/** The transfer modes of RFC 1350 section 1; the mode string is case-insensitive on the wire. */
public enum TftpMode {
    NETASCII,
    OCTET,
    MAIL;

    /** The mode as written in a request. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode called {@code name} in any case, if RFC 1350 defines it. */
    public static Optional<TftpMode> of(String name) {
        for (TftpMode mode : values()) {
            if (mode.name().equalsIgnoreCase(name)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
