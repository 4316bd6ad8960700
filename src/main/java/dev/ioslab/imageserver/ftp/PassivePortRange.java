package dev.ioslab.imageserver.ftp;

/**
 * The TCP ports the FTP image repository listens on for passive data connections ({@code PASV}, {@code EPSV}), as
 * {@code first-last} inclusive. {@link #ANY} lets the system pick an ephemeral port for each one. Each logged-in
 * session holds at most one passive port at a time, so a range smaller than the login limit can run out (the client
 * then gets {@code 425}). Immutable.
 *
 * @param first the lowest port, or 0 for {@link #ANY}
 * @param last  the highest port, or 0 for {@link #ANY}
 */
public record PassivePortRange(int first, int last) {

    /** Any free ephemeral port (what tests use). */
    public static final PassivePortRange ANY = new PassivePortRange(0, 0);

    /** Validates the range: 1024..65535 with {@code first <= last}, or 0-0. */
    public PassivePortRange {
        boolean any = first == 0 && last == 0;
        if (!any && (first < 1024 || last > 65535 || first > last)) {
            throw new IllegalArgumentException("passive ports must be a range within 1024-65535 with the first port "
                    + "not above the last, was " + first + "-" + last);
        }
    }

    /**
     * Reads {@code 50000-50100}, a single port {@code 50000}, or {@code 0} for {@link #ANY}.
     *
     * @throws IllegalArgumentException with a message that quotes the text when it is not such a range
     */
    public static PassivePortRange parse(String text) {
        String trimmed = text.strip();
        int dash = trimmed.indexOf('-');
        try {
            if (dash < 0) {
                int port = Integer.parseInt(trimmed);
                return port == 0 ? ANY : new PassivePortRange(port, port);
            }
            return new PassivePortRange(Integer.parseInt(trimmed.substring(0, dash).strip()),
                    Integer.parseInt(trimmed.substring(dash + 1).strip()));
        } catch (NumberFormatException notNumbers) {
            throw new IllegalArgumentException("passive ports must look like 50000-50100, was '" + text + "'");
        }
    }

    /** Number of ports in the range; 0 for {@link #ANY} (unbounded). */
    public int size() {
        return first == 0 ? 0 : last - first + 1;
    }

    /** The range in MINA FtpServer's notation ({@code 50000-50100}, or {@code 0} for any port). */
    String minaNotation() {
        return first == 0 ? "0" : first + "-" + last;
    }

    @Override
    public String toString() {
        return first == 0 ? "any" : first + "-" + last;
    }
}
