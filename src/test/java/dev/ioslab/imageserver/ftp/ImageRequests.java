package dev.ioslab.imageserver.ftp;

import dev.ioslab.fs.RemoteUrl;
import dev.ioslab.fs.UrlScheme;
import dev.ioslab.transfer.Credentials;
import dev.ioslab.transfer.TransferRequest;
import dev.ioslab.transfer.TransferSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/** Requests of the device's FTP client to the image repository on 127.0.0.1, and test content. */
final class ImageRequests {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private ImageRequests() {
    }

    /** Timeouts short enough that every failure test ends within seconds. */
    static TransferSettings settings(boolean passive) {
        return TransferSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofSeconds(10)).withPassive(passive);
    }

    static TransferRequest request(InetSocketAddress server, String path, Optional<Credentials> credentials,
                                   boolean passive) {
        RemoteUrl url = new RemoteUrl(UrlScheme.FTP, credentials.map(Credentials::user), Optional.empty(),
                Optional.of("127.0.0.1"), OptionalInt.of(server.getPort()), Optional.empty(), path);
        return new TransferRequest("R1", url, server, Optional.of(LOOPBACK), credentials, settings(passive));
    }

    /** Anonymous, with the password IOS forms: {@code <session user>@<hostname>}. */
    static Optional<Credentials> anonymous() {
        return Optional.of(new Credentials("anonymous", "admin@R1"));
    }

    static byte[] content(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
