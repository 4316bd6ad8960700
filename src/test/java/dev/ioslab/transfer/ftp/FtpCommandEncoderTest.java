package dev.ioslab.transfer.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FtpCommandEncoderTest {

    @Test
    void writesTheLineAndCrlf() {
        EmbeddedChannel channel = new EmbeddedChannel(new FtpCommandEncoder());
        channel.writeOutbound(FtpCommand.of(FtpVerb.RETR, "/abs/c3900-été.bin"), FtpCommand.of(FtpVerb.EPSV));
        assertThat(text(channel.readOutbound())).isEqualTo("RETR /abs/c3900-été.bin\r\n");
        assertThat(text(channel.readOutbound())).isEqualTo("EPSV\r\n");
    }

    @Test
    void masksThePasswordInToString() {
        FtpCommand pass = FtpCommand.of(FtpVerb.PASS, "s3cret");
        assertThat(pass.toString()).isEqualTo("PASS *").doesNotContain("s3cret");
        assertThat(pass.line()).isEqualTo("PASS s3cret");
        assertThat(FtpCommand.of(FtpVerb.USER, "bob")).hasToString("USER bob");
    }

    @Test
    void refusesAnArgumentThatWouldEndTheLine() {
        for (String bad : new String[] {"a\r\nDELE b", "a\nb", "a\0b", "a\rb"}) {
            assertThatThrownBy(() -> FtpCommand.of(FtpVerb.RETR, bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String text(ByteBuf bytes) {
        try {
            return bytes.toString(StandardCharsets.UTF_8);
        } finally {
            bytes.release();
        }
    }
}
