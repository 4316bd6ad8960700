package dev.ioslab.transfer.tftp;

import java.net.InetSocketAddress;
import java.util.Objects;

/** A datagram that is not a TFTP packet, from {@link TftpDecoder}: who sent it and why it was refused. */
public record MalformedTftpDatagram(InetSocketAddress peer, String reason) {

    public MalformedTftpDatagram {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(reason, "reason");
    }
}
