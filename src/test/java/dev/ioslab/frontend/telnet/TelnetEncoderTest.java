package dev.ioslab.frontend.telnet;

import static dev.ioslab.frontend.telnet.TelnetDecoderTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelnetEncoderTest {

    @Test
    void doublesIacInData() {
        assertThat(encode(new TelnetMessage.Data(bytes('a', 255, 'b', 255)))).isEqualTo(bytes('a', 255, 255, 'b', 255,
                255));
    }

    @Test
    void writesTextAsIsoLatin1() {
        assertThat(encode(TelnetMessage.Data.of("R1>\u00ff"))).isEqualTo(bytes('R', '1', '>', 255, 255));
    }

    @Test
    void writesNegotiationsAndCommands() {
        assertThat(encode(new TelnetMessage.Negotiation(TelnetCommand.WILL, TelnetOption.ECHO)))
                .isEqualTo(bytes(255, 251, 1));
        assertThat(encode(new TelnetMessage.Negotiation(TelnetCommand.DO, TelnetOption.TERMINAL_TYPE)))
                .isEqualTo(bytes(255, 253, 24));
        assertThat(encode(new TelnetMessage.Command(TelnetCommand.NOP))).isEqualTo(bytes(255, 241));
    }

    @Test
    void writesSubnegotiationWithDoubledIac() {
        assertThat(encode(new TelnetMessage.Subnegotiation(TelnetOption.NAWS, bytes(0, 255, 255, 10))))
                .isEqualTo(bytes(255, 250, 31, 0, 255, 255, 255, 255, 10, 255, 240));
    }

    @Test
    void whatTheEncoderWritesTheDecoderReadsBack() {
        List<TelnetMessage> messages = List.of(new TelnetMessage.Data(bytes(1, 255, 2)),
                new TelnetMessage.Negotiation(TelnetCommand.DONT, 200),
                new TelnetMessage.Subnegotiation(TelnetOption.TERMINAL_TYPE, bytes(0, 'x', 255)),
                new TelnetMessage.Command(TelnetCommand.GO_AHEAD),
                new TelnetMessage.Data(bytes(255)));
        EmbeddedChannel decoder = new EmbeddedChannel(new TelnetDecoder());
        for (TelnetMessage message : messages) {
            decoder.writeInbound(Unpooled.wrappedBuffer(encode(message)));
        }

        assertThat(TelnetDecoderTest.drain(decoder)).containsExactlyElementsOf(messages);
    }

    @Test
    void passesRawBuffersThrough() {
        EmbeddedChannel channel = new EmbeddedChannel(new TelnetEncoder());
        channel.writeOutbound(Unpooled.wrappedBuffer(bytes(255)));
        ByteBuf out = channel.readOutbound();

        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(bytes(255));
        out.release();
    }

    private static byte[] encode(TelnetMessage message) {
        EmbeddedChannel channel = new EmbeddedChannel(new TelnetEncoder());
        channel.writeOutbound(message);
        ByteBuf out = channel.readOutbound();
        try {
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }
}
