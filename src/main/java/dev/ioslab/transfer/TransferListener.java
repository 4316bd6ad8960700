package dev.ioslab.transfer;

import java.net.InetSocketAddress;

/**
 * Hears how a transfer goes, for IOS's {@code Loading x from 10.1.1.1 (via Gi0/0): !!!} lines. Called on the
 * client's event loop; implementations return at once.
 */
public interface TransferListener {

    /** A listener that ignores everything. */
    TransferListener NONE = new TransferListener() {
    };

    /** The server answered and the data phase is about to start; {@code server} is where the data comes from. */
    default void started(InetSocketAddress server) {
    }

    /** {@code totalBytes} have been moved so far (called as data flows, not necessarily per packet). */
    default void progress(long totalBytes) {
    }
}
