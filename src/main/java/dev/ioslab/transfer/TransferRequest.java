package dev.ioslab.transfer;

import dev.ioslab.fs.RemoteUrl;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One transfer to start: the URL as the user gave it (for messages), the server's resolved address, the local
 * address to bind (the device's own, so a server sees each device as its own host), the login and the settings.
 *
 * @param device       the device's name, for logs and fairness
 * @param url          the complete URL; its path is the remote path as IOS uses it ({@code ftp://h//abs} → {@code /abs})
 * @param server       where to connect (host already resolved, port from the URL or the scheme's default)
 * @param localAddress the address to bind sockets to; empty lets the host choose
 * @param credentials  the login (FTP); empty for schemes without one
 * @param settings     timeouts and protocol options
 */
public record TransferRequest(String device, RemoteUrl url, InetSocketAddress server,
                              Optional<InetAddress> localAddress, Optional<Credentials> credentials,
                              TransferSettings settings) {

    public TransferRequest {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(settings, "settings");
    }
}
