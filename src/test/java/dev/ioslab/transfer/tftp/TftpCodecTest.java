package dev.ioslab.transfer.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TftpCodecTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);

    @Test
    void everyPacketSurvivesEncodeAndDecode() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("blksize", "1468");
        options.put("tsize", "0");
        List<TftpPacket> packets = List.of(
                new TftpPacket.ReadRequest("c3900-universalk9-mz.SPA.bin", TftpMode.OCTET, options),
                new TftpPacket.WriteRequest("dir/config.txt", TftpMode.NETASCII, Map.of()),
                new TftpPacket.Ack(65535),
                new TftpPacket.Error(TftpErrorCode.DISK_FULL, "no room"),
                new TftpPacket.OptionAck(Map.of("blksize", "1024")));
        for (TftpPacket packet : packets) {
            ByteBuf wire = TftpCodec.encode(packet, ByteBufAllocator.DEFAULT);
            try {
                assertThat(TftpCodec.decode(wire)).isEqualTo(new TftpDecoding.Packet(packet));
            } finally {
                wire.release();
            }
        }
    }

    @Test
    void dataKeepsItsBlockAndBytes() {
        ByteBuf content = Unpooled.wrappedBuffer(new byte[] {1, 2, 3});
        ByteBuf wire = TftpCodec.encode(new TftpPacket.Data(7, content), ByteBufAllocator.DEFAULT);
        TftpPacket.Data decoded = (TftpPacket.Data) ((TftpDecoding.Packet) TftpCodec.decode(wire)).packet();
        assertThat(decoded.block()).isEqualTo(7);
        assertThat(decoded.content()).isEqualTo(content);
        decoded.content().release();
        wire.release();
        assertThat(wire.refCnt()).as("the decoded slice was released with the datagram").isZero();
    }

    @Test
    void encodesExactlyTheBytesOfRfc1350() {
        ByteBuf wire = TftpCodec.encode(new TftpPacket.ReadRequest("a", TftpMode.OCTET, Map.of("tsize", "0")),
                ByteBufAllocator.DEFAULT);
        assertThat(bytes(wire)).isEqualTo(bytes(0, 1, 'a', 0, 'o', 'c', 't', 'e', 't', 0, 't', 's', 'i', 'z', 'e',
                0, '0', 0));
        wire = TftpCodec.encode(new TftpPacket.Ack(258), ByteBufAllocator.DEFAULT);
        assertThat(bytes(wire)).isEqualTo(bytes(0, 4, 1, 2));
    }

    @Test
    void readsModesAndOptionNamesInAnyCase() {
        TftpDecoding decoded = decode(0, 1, 'f', 0, 'O', 'c', 'T', 'e', 'T', 0, 'B', 'L', 'K', 's', 'i', 'z', 'e',
                0, '8', 0);
        assertThat(decoded).isEqualTo(new TftpDecoding.Packet(
                new TftpPacket.ReadRequest("f", TftpMode.OCTET, Map.of("blksize", "8"))));
    }

    @Test
    void refusesMalformedDatagrams() {
        assertMalformed("no opcode", 0);
        assertMalformed("unknown opcode", 0, 9, 0, 0);
        assertMalformed("opcode zero", 0, 0, 0, 1);
        assertMalformed("file name without NUL", 0, 1, 'f', 'o');
        assertMalformed("empty file name", 0, 1, 0, 'o', 'c', 't', 'e', 't', 0);
        assertMalformed("mode without NUL", 0, 1, 'f', 0, 'o', 'c', 't');
        assertMalformed("unknown mode", 0, 2, 'f', 0, 'b', 'i', 'n', 0);
        assertMalformed("option without value", 0, 1, 'f', 0, 'o', 'c', 't', 'e', 't', 0, 't', 's', 'i', 'z', 'e',
                0);
        assertMalformed("option with empty value", 0, 1, 'f', 0, 'o', 'c', 't', 'e', 't', 0, 'a', 0, 0);
        assertMalformed("option twice", 0, 6, 'a', 0, '1', 0, 'A', 0, '2', 0);
        assertMalformed("DATA without block", 0, 3, 0);
        assertMalformed("short ACK", 0, 4, 0);
        assertMalformed("long ACK", 0, 4, 0, 1, 0);
        assertMalformed("ERROR without NUL", 0, 5, 0, 1, 'x');
        assertMalformed("ERROR with trailing bytes", 0, 5, 0, 1, 'x', 0, 'y');
        assertMalformed("ERROR without message", 0, 5, 0);
    }

    @Test
    void refusesOversizedDatagramsAndOptionFloods() {
        ByteBuf huge = Unpooled.buffer().writeShort(3).writeShort(1).writeZero(TftpPacket.MAX_BLOCK_SIZE + 1);
        assertThat(TftpCodec.decode(huge)).isInstanceOf(TftpDecoding.Malformed.class);
        ByteBuf flood = Unpooled.buffer().writeShort(6);
        for (int i = 0; i <= TftpCodec.MAX_OPTIONS; i++) {
            flood.writeBytes(("o" + i).getBytes(StandardCharsets.US_ASCII)).writeByte(0).writeByte('1').writeByte(0);
        }
        assertThat(TftpCodec.decode(flood)).isInstanceOf(TftpDecoding.Malformed.class);
    }

    @Test
    void decodingDoesNotMoveTheReaderIndex() {
        ByteBuf wire = Unpooled.wrappedBuffer(bytes(0, 4, 0, 9));
        TftpCodec.decode(wire);
        assertThat(wire.readerIndex()).isZero();
    }

    @Test
    void unknownErrorCodesReadAsNotDefined() {
        assertThat(decode(0, 5, 0, 42, 'x', 0)).isEqualTo(new TftpDecoding.Packet(
                new TftpPacket.Error(TftpErrorCode.NOT_DEFINED, "x")));
    }

    @Test
    void nettyHandlersDecodeAndEncodeAddressedDatagrams() {
        EmbeddedChannel channel = new EmbeddedChannel(new TftpDecoder(), new TftpEncoder());
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(bytes(0, 4, 0, 1)), PEER, PEER));
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(bytes(0, 9)), PEER, PEER));
        assertThat((Object) channel.readInbound()).isEqualTo(new TftpDatagram(new TftpPacket.Ack(1), PEER));
        assertThat((Object) channel.readInbound()).isInstanceOfSatisfying(MalformedTftpDatagram.class,
                malformed -> assertThat(malformed.reason()).contains("opcode"));

        channel.writeOutbound(new TftpDatagram(new TftpPacket.Data(2, Unpooled.wrappedBuffer(bytes(5))), PEER));
        DatagramPacket out = channel.readOutbound();
        assertThat(out.recipient()).isEqualTo(PEER);
        assertThat(bytes(out.content())).isEqualTo(bytes(0, 3, 0, 2, 5));
        out.release();
        assertThat(channel.finish()).isFalse();
    }

    private static void assertMalformed(String what, int... wire) {
        assertThat(decode(wire)).as(what).isInstanceOf(TftpDecoding.Malformed.class);
    }

    private static TftpDecoding decode(int... wire) {
        return TftpCodec.decode(Unpooled.wrappedBuffer(bytes(wire)));
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] bytes(ByteBuf buffer) {
        byte[] out = new byte[buffer.readableBytes()];
        buffer.getBytes(buffer.readerIndex(), out);
        return out;
    }
}
