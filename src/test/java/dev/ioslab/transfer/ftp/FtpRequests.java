package dev.ioslab.transfer.ftp;

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

/** Builds requests to a server on 127.0.0.1, and test content. */
final class FtpRequests {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private FtpRequests() {
    }

    /** Short timeouts, so every failure test ends within seconds. */
    static TransferSettings quick(boolean passive) {
        return TransferSettings.defaults().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(2),
                Duration.ofSeconds(2)).withPassive(passive);
    }

    static TransferRequest request(int port, String path, Optional<Credentials> credentials,
                                   TransferSettings settings) {
        RemoteUrl url = new RemoteUrl(UrlScheme.FTP, credentials.map(Credentials::user), Optional.empty(),
                Optional.of("127.0.0.1"), OptionalInt.of(port), Optional.empty(), path);
        return new TransferRequest("R1", url, new InetSocketAddress(LOOPBACK, port),
                Optional.of(LOOPBACK), credentials, settings);
    }

    static byte[] content(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
