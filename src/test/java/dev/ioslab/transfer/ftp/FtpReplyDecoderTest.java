package dev.ioslab.transfer.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FtpReplyDecoderTest {

    private static final String TRANSCRIPT = "220 ProFTPD ready\r\n"
            + "230-Welcome\r\n"
            + " 230 is not the end here\r\n"
            + "230-still not the end\r\n"
            + "230 Logged in\r\n"
            + "213 4096\n"
            + "227 Entering Passive Mode (127,0,0,1,195,80).\r\n";

    private static final List<FtpReply> EXPECTED = List.of(
            FtpReply.of(220, "ProFTPD ready"),
            new FtpReply(230, List.of("Welcome", " 230 is not the end here", "230-still not the end", "Logged in")),
            FtpReply.of(213, "4096"),
            FtpReply.of(227, "Entering Passive Mode (127,0,0,1,195,80)."));

    @Test
    void decodesSingleAndMultiLineReplies() {
        EmbeddedChannel channel = new EmbeddedChannel(new FtpReplyDecoder());
        channel.writeInbound(bytes(TRANSCRIPT));
        assertThat(drain(channel)).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void decodesTheSameWhateverTheSplit() {
        byte[] all = TRANSCRIPT.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < all.length; cut++) {
            EmbeddedChannel channel = new EmbeddedChannel(new FtpReplyDecoder());
            channel.writeInbound(Unpooled.wrappedBuffer(all, 0, cut));
            channel.writeInbound(Unpooled.wrappedBuffer(all, cut, all.length - cut));
            assertThat(drain(channel)).as("split at %d", cut).containsExactlyElementsOf(EXPECTED);
        }
    }

    @Test
    void decodesTheSameByteByByte() {
        EmbeddedChannel channel = new EmbeddedChannel(new FtpReplyDecoder());
        for (byte b : TRANSCRIPT.getBytes(StandardCharsets.UTF_8)) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertThat(drain(channel)).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void acceptsACodeWithoutText() {
        EmbeddedChannel channel = new EmbeddedChannel(new FtpReplyDecoder());
        channel.writeInbound(bytes("200\r\n"));
        assertThat(drain(channel)).containsExactly(FtpReply.of(200, ""));
    }

    @Test
    void decodesUtf8Text() {
        EmbeddedChannel channel = new EmbeddedChannel(new FtpReplyDecoder());
        channel.writeInbound(bytes("550 Datei fehlt: été\r\n"));
        assertThat(drain(channel)).containsExactly(FtpReply.of(550, "Datei fehlt: été"));
    }

    @Test
    void rejectsLinesThatAreNoReply() {
        for (String bad : List.of("hello\r\n", "22\r\n", "620 six\r\n", "099 zero\r\n", "2x0 x\r\n", "260 second\r\n",
                "220_x\r\n", "\r\n")) {
            EmbeddedChannel channel = new EmbeddedChannel(new FtpReplyDecoder());
            assertThatThrownBy(() -> channel.writeInbound(bytes(bad))).as(bad)
                    .isInstanceOf(CorruptedFrameException.class);
        }
    }

    @Test
    void deliversRepliesBeforeTheMalformedLineThenDiscardsTheRest() {
        EmbeddedChannel channel = new EmbeddedChannel(new FtpReplyDecoder());
        assertThatThrownBy(() -> channel.writeInbound(bytes("220 ok\r\nGARBAGE\r\n331 more\r\n")))
                .isInstanceOf(CorruptedFrameException.class);
        assertThat(drain(channel)).containsExactly(FtpReply.of(220, "ok"));
        channel.writeInbound(bytes("230 after the failure\r\n"));
        assertThat(drain(channel)).isEmpty();
    }

    @Test
    void failsFastOnAnOversizedLineWithoutBufferingIt() {
        EmbeddedChannel channel = new EmbeddedChannel(new FtpReplyDecoder());
        ByteBuf first = bytes("220 " + "x".repeat(FtpReplyDecoder.DEFAULT_MAX_LINE_LENGTH));
        assertThatThrownBy(() -> channel.writeInbound(first)).isInstanceOf(TooLongFrameException.class);
        // The rest of a 10 MB line is skipped as it comes, one read at a time.
        for (int i = 0; i < 160; i++) {
            channel.writeInbound(bytes("y".repeat(64 * 1024)));
        }
        assertThat(drain(channel)).isEmpty();
    }

    @Test
    void acceptsALineOfExactlyTheBound() {
        EmbeddedChannel channel = new EmbeddedChannel(new FtpReplyDecoder(16, 4));
        channel.writeInbound(bytes("220 " + "x".repeat(12) + "\r\n"));
        assertThat(drain(channel)).containsExactly(FtpReply.of(220, "x".repeat(12)));
        EmbeddedChannel longer = new EmbeddedChannel(new FtpReplyDecoder(16, 4));
        assertThatThrownBy(() -> longer.writeInbound(bytes("220 " + "x".repeat(13) + "\r\n")))
                .isInstanceOf(TooLongFrameException.class);
    }

    @Test
    void rejectsAReplyWithTooManyLines() {
        EmbeddedChannel channel = new EmbeddedChannel(new FtpReplyDecoder(64, 4));
        channel.writeInbound(bytes("220-one\r\ntwo\r\nthree\r\n220 four\r\n"));
        assertThat(drain(channel)).containsExactly(new FtpReply(220, List.of("one", "two", "three", "four")));
        EmbeddedChannel flood = new EmbeddedChannel(new FtpReplyDecoder(64, 4));
        assertThatThrownBy(() -> flood.writeInbound(bytes("220-one\r\ntwo\r\nthree\r\nfour\r\n")))
                .isInstanceOf(TooLongFrameException.class);
    }

    @Test
    void aMultiLineReplyEndsOnlyAtItsOwnCode() {
        EmbeddedChannel channel = new EmbeddedChannel(new FtpReplyDecoder());
        channel.writeInbound(bytes("211-Features:\r\n 220 x\r\n200 other code\r\n211 End\r\n"));
        assertThat(drain(channel)).containsExactly(
                new FtpReply(211, List.of("Features:", " 220 x", "200 other code", "End")));
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    private static List<FtpReply> drain(EmbeddedChannel channel) {
        List<FtpReply> replies = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            replies.add((FtpReply) message);
        }
        return replies;
    }
}
