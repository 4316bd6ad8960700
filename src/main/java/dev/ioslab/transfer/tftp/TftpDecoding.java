package dev.ioslab.transfer.tftp;

/**
 * What {@link TftpCodec#decode} made of a datagram: a packet, or the reason it is not one. Malformed input is a value,
 * never an exception, so an event loop can answer it (ERROR 4) and go on.
 */
public sealed interface TftpDecoding {

    /** A well-formed packet. */
    record Packet(TftpPacket packet) implements TftpDecoding {
    }

    /** Not a TFTP packet; {@code reason} says why, for the log and an ERROR 4 message. */
    record Malformed(String reason) implements TftpDecoding {
    }
}
