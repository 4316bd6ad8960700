package dev.ioslab.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the devices' FTP and TFTP clients behave on the wire, the {@code transfers:} section; a device's own
 * configuration ({@code ip ftp passive}, {@code ip tftp blocksize}) adds the rest.
 *
 * @param connectTimeout time to open a TCP connection; default 30 s
 * @param replyTimeout   time for each FTP reply and each TFTP answer before a retransmission; default 5 s
 * @param idleTimeout    time the data flow may stand still before {@code %Error reading … (Timed out)}; default 60 s
 * @param tftpRetries    TFTP retransmissions of one packet before giving up; default 5
 * @param tftpWindowSize TFTP window size asked for (RFC 7440; an ioslab extension, IOS has none); default 1, which
 *                       is plain lock-step and sends no option
 */
public record TransferDefaults(Duration connectTimeout, Duration replyTimeout, Duration idleTimeout, int tftpRetries,
                               int tftpWindowSize) {

    static final List<String> KEYS = List.of("connectTimeout", "replyTimeout", "idleTimeout", "tftpRetries",
            "tftpWindowSize");
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    /** The defaults above. */
    public static final TransferDefaults DEFAULTS = new TransferDefaults(Duration.ofSeconds(30), Duration.ofSeconds(5),
            Duration.ofSeconds(60), 5, 1);

    public TransferDefaults {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** Reads the section, reporting out-of-range values with their position. */
    static TransferDefaults bind(MappingReader section) {
        return new TransferDefaults(
                section.duration("connectTimeout", MIN_TIMEOUT, MAX_TIMEOUT, DEFAULTS.connectTimeout()),
                section.duration("replyTimeout", MIN_TIMEOUT, MAX_TIMEOUT, DEFAULTS.replyTimeout()),
                section.duration("idleTimeout", MIN_TIMEOUT, MAX_TIMEOUT, DEFAULTS.idleTimeout()),
                (int) section.integer("tftpRetries", 0, 100, DEFAULTS.tftpRetries()),
                (int) section.integer("tftpWindowSize", 1, 64, DEFAULTS.tftpWindowSize()));
    }
}
