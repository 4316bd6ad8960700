package dev.ioslab.transfer.tftp;

import dev.ioslab.fs.RemoteUrl;
import dev.ioslab.fs.UrlScheme;
import dev.ioslab.transfer.TransferRequest;
import dev.ioslab.transfer.TransferSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/** Requests and content for the TFTP tests: loopback only, short timeouts. */
public final class TftpTestRequests {

    private TftpTestRequests() {
    }

    /** Short timeouts: 200 ms per reply, 5 retries, 10 s idle. */
    public static TransferSettings quick() {
        return TransferSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200),
                Duration.ofSeconds(10));
    }

    public static TransferRequest request(InetSocketAddress server, String path, TransferSettings settings) {
        RemoteUrl url = new RemoteUrl(UrlScheme.TFTP, Optional.empty(), Optional.empty(),
                Optional.of(server.getHostString()), OptionalInt.of(server.getPort()), Optional.empty(), path);
        return new TransferRequest("R1", url, server, Optional.of(InetAddress.getLoopbackAddress()),
                Optional.empty(), settings);
    }

    public static byte[] content(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
