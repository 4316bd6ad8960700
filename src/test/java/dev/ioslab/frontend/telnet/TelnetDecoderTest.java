package dev.ioslab.frontend.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelnetDecoderTest {

    private static final int IAC = 255;
    private static final int SB = 250;
    private static final int SE = 240;
    private static final int WILL = 251;
    private static final int DO = 253;
    private static final int NAWS = 31;

    @Test
    void passesPlainDataThrough() {
        assertThat(decode(bytes('s', 'h', ' ', 'v', 'e', 'r', '\r', '\n')))
                .containsExactly(new TelnetMessage.Data(bytes('s', 'h', ' ', 'v', 'e', 'r', '\r', '\n')));
    }

    @Test
    void turnsDoubledIacIntoOneDataByte() {
        assertThat(decode(bytes('a', IAC, IAC, 'b'))).containsExactly(new TelnetMessage.Data(bytes('a', 255, 'b')));
    }

    @Test
    void decodesEveryNegotiationVerbForEveryOptionByte() {
        for (TelnetCommand verb : List.of(TelnetCommand.WILL, TelnetCommand.WONT, TelnetCommand.DO,
                TelnetCommand.DONT)) {
            for (int option = 0; option <= 255; option++) {
                assertThat(decode(bytes(IAC, verb.code(), option)))
                        .as("%s %d", verb, option)
                        .containsExactly(new TelnetMessage.Negotiation(verb, option));
            }
        }
    }

    @Test
    void decodesEveryStandAloneCommand() {
        for (TelnetCommand command : TelnetCommand.values()) {
            if (command.isNegotiation() || command == TelnetCommand.SB || command == TelnetCommand.SE
                    || command == TelnetCommand.IAC) {
                continue;
            }
            assertThat(decode(bytes('x', IAC, command.code(), 'y'))).as(command.name()).containsExactly(
                    new TelnetMessage.Data(bytes('x')), new TelnetMessage.Command(command),
                    new TelnetMessage.Data(bytes('y')));
        }
    }

    @Test
    void decodesNawsWithDoubledIacInsideTheParameters() {
        List<Object> messages = decode(bytes(IAC, SB, NAWS, IAC, IAC, IAC, IAC, 0, 24, IAC, SE));

        assertThat(messages).containsExactly(
                new TelnetMessage.Subnegotiation(TelnetOption.NAWS, bytes(255, 255, 0, 24)));
    }

    @Test
    void decodesTheSameMessagesWhateverByteTheStreamIsSplitAt() {
        byte[] stream = mixedStream();
        List<Object> whole = mergeData(decode(stream));

        for (int split = 1; split < stream.length; split++) {
            EmbeddedChannel channel = new EmbeddedChannel(new TelnetDecoder());
            channel.writeInbound(Unpooled.wrappedBuffer(stream, 0, split));
            channel.writeInbound(Unpooled.wrappedBuffer(stream, split, stream.length - split));
            assertThat(mergeData(drain(channel))).as("split at %d", split).isEqualTo(whole);
        }
        EmbeddedChannel oneByteAtATime = new EmbeddedChannel(new TelnetDecoder());
        for (byte b : stream) {
            oneByteAtATime.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertThat(mergeData(drain(oneByteAtATime))).isEqualTo(whole);
        assertThat(whole).hasSize(9);
    }

    @Test
    void dropsIacFollowedByAnUnknownCommandByte() {
        assertThat(mergeData(decode(bytes('a', IAC, 17, 'b', IAC, 0, 'c'))))
                .containsExactly(new TelnetMessage.Data(bytes('a', 'b', 'c')));
    }

    @Test
    void dropsSeOutsideASubnegotiation() {
        assertThat(mergeData(decode(bytes('a', IAC, SE, 'b'))))
                .containsExactly(new TelnetMessage.Data(bytes('a', 'b')));
    }

    @Test
    void dropsASubnegotiationInterruptedByAnotherCommandAndHonoursTheCommand() {
        List<Object> messages = decode(bytes(IAC, SB, NAWS, 0, 80, IAC, WILL, NAWS, 'o', 'k'));

        assertThat(messages).containsExactly(new TelnetMessage.Negotiation(TelnetCommand.WILL, TelnetOption.NAWS),
                new TelnetMessage.Data(bytes('o', 'k')));
    }

    @Test
    void discardsAnOversizedSubnegotiationUpToItsEndAndKeepsDecoding() {
        EmbeddedChannel channel = new EmbeddedChannel(new TelnetDecoder(16));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(IAC, SB, 24, 0)));
        byte[] junk = new byte[1 << 20];
        Arrays.fill(junk, (byte) 'x');
        for (int i = 0; i < 8; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(junk));
        }
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(IAC, IAC, 'y', IAC, SE, 'o', 'k', IAC, DO, 1)));

        assertThat(drain(channel)).containsExactly(new TelnetMessage.Data(bytes('o', 'k')),
                new TelnetMessage.Negotiation(TelnetCommand.DO, TelnetOption.ECHO));
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void keepsASubnegotiationOfExactlyTheBound() {
        EmbeddedChannel channel = new EmbeddedChannel(new TelnetDecoder(4));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(IAC, SB, NAWS, 1, IAC, IAC, 3, 4, IAC, SE)));

        assertThat(drain(channel)).containsExactly(new TelnetMessage.Subnegotiation(NAWS, bytes(1, 255, 3, 4)));
    }

    @Test
    void waitsForTheEndOfASubnegotiationThatArrivesLater() {
        EmbeddedChannel channel = new EmbeddedChannel(new TelnetDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(IAC, SB, NAWS, 0, 80, 0)));
        assertThat(drain(channel)).isEmpty();

        channel.writeInbound(Unpooled.wrappedBuffer(bytes(24, IAC, SE, 'z')));
        assertThat(drain(channel)).containsExactly(new TelnetMessage.Subnegotiation(NAWS, bytes(0, 80, 0, 24)),
                new TelnetMessage.Data(bytes('z')));
    }

    @Test
    void releasesEveryInputBuffer() {
        EmbeddedChannel channel = new EmbeddedChannel(new TelnetDecoder());
        var buffer = Unpooled.buffer().writeBytes(mixedStream());
        channel.writeInbound(buffer);
        drain(channel);

        assertThat(buffer.refCnt()).isZero();
    }

    /** Data, IAC IAC, a negotiation, NAWS with an escaped 255, a command, TTYPE IS, more data. */
    static byte[] mixedStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes('h', 'i', IAC, IAC, '!'));
        out.writeBytes(bytes(IAC, WILL, NAWS));
        out.writeBytes(bytes(IAC, SB, NAWS, 0, IAC, IAC, 0, 48, IAC, SE));
        out.writeBytes(bytes('a'));
        out.writeBytes(bytes(IAC, TelnetCommand.ARE_YOU_THERE.code()));
        out.writeBytes(bytes(IAC, SB, 24, 0, 'V', 'T', '1', '0', '0', IAC, SE));
        out.writeBytes(bytes(IAC, 3));
        out.writeBytes(bytes('b', '\r', 0));
        out.writeBytes(bytes(IAC, TelnetCommand.DONT.code(), 1));
        out.writeBytes(bytes('\r', '\n'));
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    private static List<Object> decode(byte[] input) {
        EmbeddedChannel channel = new EmbeddedChannel(new TelnetDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(input));
        return drain(channel);
    }

    static List<Object> drain(EmbeddedChannel channel) {
        List<Object> messages = new ArrayList<>();
        Object message;
        while ((message = channel.readInbound()) != null) {
            messages.add(message);
        }
        return messages;
    }

    /** Splitting a stream may split one data run into two; join adjacent data so streams compare by content. */
    private static List<Object> mergeData(List<Object> messages) {
        List<Object> merged = new ArrayList<>();
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        for (Object message : messages) {
            if (message instanceof TelnetMessage.Data data) {
                run.writeBytes(data.bytes());
            } else {
                if (run.size() > 0) {
                    merged.add(new TelnetMessage.Data(run.toByteArray()));
                    run.reset();
                }
                merged.add(message);
            }
        }
        if (run.size() > 0) {
            merged.add(new TelnetMessage.Data(run.toByteArray()));
        }
        return merged;
    }
}
