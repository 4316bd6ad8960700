package dev.ioslab.transfer.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TftpDataHeaderTest {

    @Test
    void readsTheBlockNumberOfDataInPlace() {
        ByteBuf wire = Unpooled.wrappedBuffer(new byte[] {9, 0, 3, (byte) 0xFF, (byte) 0xFE, 1, 2});
        wire.readerIndex(1);
        assertThat(TftpDataHeader.block(wire)).isEqualTo(65534);
        assertThat(wire.readerIndex()).as("the reader index stays").isEqualTo(1);
    }

    @Test
    void takesAnEmptyLastBlock() {
        assertThat(TftpDataHeader.block(Unpooled.wrappedBuffer(new byte[] {0, 3, 0, 9}))).isEqualTo(9);
    }

    @Test
    void agreesWithTheCodecOnWhatIsData() {
        List<byte[]> datagrams = List.of(new byte[] {}, new byte[] {0}, new byte[] {0, 3}, new byte[] {0, 3, 0},
                new byte[] {0, 3, 0, 1}, new byte[] {0, 3, 0, 1, 42}, new byte[] {1, 3, 0, 1, 42},
                new byte[] {0, 4, 0, 1}, new byte[] {0, 5, 0, 1, 'x', 0}, new byte[TftpCodec.MAX_DATAGRAM],
                dataOf(TftpPacket.MAX_BLOCK_SIZE), dataOf(TftpPacket.MAX_BLOCK_SIZE + 1));
        for (byte[] datagram : datagrams) {
            ByteBuf wire = Unpooled.wrappedBuffer(datagram);
            TftpDecoding decoded = TftpCodec.decode(wire);
            boolean codecSaysData = decoded instanceof TftpDecoding.Packet packet
                    && packet.packet() instanceof TftpPacket.Data;
            int block = TftpDataHeader.block(wire);
            assertThat(block != TftpDataHeader.NOT_DATA).as("%d bytes", datagram.length).isEqualTo(codecSaysData);
            if (codecSaysData) {
                TftpPacket.Data data = (TftpPacket.Data) ((TftpDecoding.Packet) decoded).packet();
                assertThat(block).isEqualTo(data.block());
                data.content().release();
            }
        }
    }

    @Test
    void otherPacketsAreNotData() {
        for (TftpPacket packet : List.of(new TftpPacket.Ack(3), TftpPacket.Error.of(TftpErrorCode.DISK_FULL),
                new TftpPacket.OptionAck(Map.of("blksize", "1468")))) {
            ByteBuf wire = TftpCodec.encode(packet, ByteBufAllocator.DEFAULT);
            try {
                assertThat(TftpDataHeader.block(wire)).as(packet.toString()).isEqualTo(TftpDataHeader.NOT_DATA);
            } finally {
                wire.release();
            }
        }
    }

    private static byte[] dataOf(int blockBytes) {
        byte[] datagram = new byte[TftpDataHeader.LENGTH + blockBytes];
        datagram[1] = 3;
        datagram[3] = 7;
        return datagram;
    }
}
