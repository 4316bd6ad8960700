package dev.ioslab.transfer.tftp;

import io.netty.buffer.ByteBuf;

/**
 * The download's hot path reads DATA headers here instead of through {@link TftpCodec#decode}: the block number comes
 * straight out of the datagram, with no packet record, no slice and no pipeline hop per block. It accepts exactly the
 * datagrams the codec decodes as {@link TftpPacket.Data} (RFC 1350 section 5: opcode 3, a 2-byte block number, at
 * most {@link TftpCodec#MAX_DATAGRAM} bytes in all); everything else is the codec's to judge. Stateless.
 */
final class TftpDataHeader {

    /** Bytes before a DATA block's content: opcode and block number. */
    static final int LENGTH = 4;

    /** What {@link #block} answers for a datagram that is not a well-formed DATA packet. */
    static final int NOT_DATA = -1;

    private TftpDataHeader() {
    }

    /**
     * The block number (0..65535) of the DATA packet in the readable bytes of {@code datagram}, or {@link #NOT_DATA}.
     * Does not move the reader index.
     */
    static int block(ByteBuf datagram) {
        int length = datagram.readableBytes();
        if (length < LENGTH || length > TftpCodec.MAX_DATAGRAM) {
            return NOT_DATA;
        }
        int start = datagram.readerIndex();
        if (datagram.getUnsignedShort(start) != TftpOpcode.DATA.code()) {
            return NOT_DATA;
        }
        return datagram.getUnsignedShort(start + 2);
    }
}
