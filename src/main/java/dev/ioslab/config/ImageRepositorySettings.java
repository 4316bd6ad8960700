package dev.ioslab.config;

import java.nio.file.Path;
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
 */
public record ImageRepositorySettings(boolean enabled, String address, int ftpPort, int tftpPort, Path directory) {

    /** Default {@link #ftpPort()}: unprivileged, so the daemon needs no capability for it. */
    public static final int DEFAULT_FTP_PORT = 2121;
    /** Default {@link #tftpPort()}: unprivileged, so the daemon needs no capability for it. */
    public static final int DEFAULT_TFTP_PORT = 6969;
    /** Default {@link #directory()}. */
    public static final Path DEFAULT_DIRECTORY = Path.of("var", "images");

    public ImageRepositorySettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(directory, "directory");
    }
}
