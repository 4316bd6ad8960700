package dev.ioslab.transfer;

import java.net.InetSocketAddress;

/**
 * A finished transfer: how many bytes moved and which server moved them.
 *
 * @param bytes  bytes written into the sink (download) or taken by the server (upload)
 * @param server the server's address as connected
 */
public record TransferResult(long bytes, InetSocketAddress server) {
}
