package dev.ioslab.transfer.tftp;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A packet and the far end it came from (inbound, from {@link TftpDecoder}) or goes to (outbound, for
 * {@link TftpEncoder}). A {@link TftpPacket.Data} inside still needs its content released by whoever handles it.
 */
public record TftpDatagram(TftpPacket packet, InetSocketAddress peer) {

    public TftpDatagram {
        Objects.requireNonNull(packet, "packet");
        Objects.requireNonNull(peer, "peer");
    }
}
