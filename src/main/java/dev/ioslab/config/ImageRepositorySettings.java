package dev.ioslab.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The embedded image repository, the {@code imageRepository:} section: an FTP and a TFTP server that serve one
 * directory so that {@code copy ftp:} and {@code copy tftp:} work with no outside server.
 *
 * @param enabled   whether the daemon starts the two servers; default {@code true}
 * @param address   IP address both servers listen on; default the daemon's bind address
 * @param ftpPort   FTP control port; default 2121
 * @param tftpPort  TFTP port (UDP); default 6969
 * @param directory directory served to both; default {@code var/images}
 * @param ftpPassiveFirst first FTP passive data port; default 50000
 * @param ftpPassiveLast  last FTP passive data port; default 50100
 * @param ftpUsers        logins that may also upload into {@code upload/}; default none (anonymous reads only)
 * @param tftpUploads     whether the TFTP server accepts writes into {@code upload/}; default false
 * @param sampleImageBytes payload size of the sample images made at first start; default 32 MiB
 */
public record ImageRepositorySettings(boolean enabled, String address, int ftpPort, int tftpPort, Path directory,
                                      int ftpPassiveFirst, int ftpPassiveLast, List<RepositoryUser> ftpUsers,
                                      boolean tftpUploads, long sampleImageBytes) {

    /** An FTP login of the repository; {@link #toString()} hides the password. */
    public record RepositoryUser(String name, String password) {
        @Override
        public String toString() {
            return "RepositoryUser[name=" + name + ", password=*]";
        }
    }

    /** Default {@link #ftpPort()}: unprivileged, so the daemon needs no capability for it. */
    public static final int DEFAULT_FTP_PORT = 2121;
    /** Default {@link #tftpPort()}: unprivileged, so the daemon needs no capability for it. */
    public static final int DEFAULT_TFTP_PORT = 6969;
    /** Default {@link #directory()}. */
    public static final Path DEFAULT_DIRECTORY = Path.of("var", "images");
    /** Default passive port range. */
    public static final int DEFAULT_PASSIVE_FIRST = 50000;
    public static final int DEFAULT_PASSIVE_LAST = 50100;
    /** Default {@link #sampleImageBytes()}: a real image's order of size without filling a laptop's disk. */
    public static final long DEFAULT_SAMPLE_IMAGE_BYTES = 32L << 20;

    /** Defaults for everything but the switch, the address, the ports and the directory. */
    public ImageRepositorySettings(boolean enabled, String address, int ftpPort, int tftpPort, Path directory) {
        this(enabled, address, ftpPort, tftpPort, directory, DEFAULT_PASSIVE_FIRST, DEFAULT_PASSIVE_LAST, List.of(),
                false, DEFAULT_SAMPLE_IMAGE_BYTES);
    }

    public ImageRepositorySettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(directory, "directory");
        ftpUsers = List.copyOf(ftpUsers);
    }
}
