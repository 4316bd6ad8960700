package dev.ioslab.fs;

import java.util.Locale;
import java.util.Optional;

/** The remote schemes IOS accepts as copy sources or destinations, with their well-known ports. */
public enum UrlScheme {
    FTP(21, true),
    TFTP(69, false),
    SCP(22, true),
    SFTP(22, true),
    RCP(514, true),
    HTTP(80, true),
    HTTPS(443, true);

    private final int defaultPort;
    private final boolean credentials;

    UrlScheme(int defaultPort, boolean credentials) {
        this.defaultPort = defaultPort;
        this.credentials = credentials;
    }

    /** The scheme as written in a URL, e.g. {@code ftp}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The port used when the URL names none. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Whether a URL of this scheme may carry a user and password (TFTP has no login). */
    public boolean allowsCredentials() {
        return credentials;
    }

    /** The scheme called {@code label}, ignoring case. */
    public static Optional<UrlScheme> fromLabel(String label) {
        for (UrlScheme scheme : values()) {
            if (scheme.label().equalsIgnoreCase(label)) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }
}
