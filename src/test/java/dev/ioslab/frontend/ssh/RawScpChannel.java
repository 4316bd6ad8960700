package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/** An SCP exec channel spoken to by hand, byte for byte, for tests of the SCP server. */
final class RawScpChannel {

    final ChannelExec channel;
    private final OutputStream toServer;
    private final InputStream fromServer;

    private RawScpChannel(ChannelExec channel) {
        this.channel = channel;
        this.toServer = channel.getInvertedIn();
        this.fromServer = channel.getInvertedOut();
    }

    static RawScpChannel open(ClientSession session, String command) throws IOException {
        ChannelExec channel = session.createExecChannel(command);
        channel.open().verify(MinaClients.WAIT);
        return new RawScpChannel(channel);
    }

    RawScpChannel send(String text) throws IOException {
        return sendBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    RawScpChannel sendBytes(byte[] bytes) throws IOException {
        toServer.write(bytes);
        toServer.flush();
        return this;
    }

    RawScpChannel expectOk() throws IOException {
        int status = fromServer.read();
        if (status != 0) {
            throw new AssertionError("expected \\0, got " + status + ": " + readAll());
        }
        return this;
    }

    /** Everything the server sends until it closes the channel. */
    String readAll() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fromServer.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Ends the conversation as scp clients do: end of input, then the server exits. */
    void finish() throws IOException {
        toServer.close();
        assertThat(readAll()).isEmpty();
    }

    int exitStatus() {
        channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS),
                MinaClients.WAIT);
        Integer status = channel.getExitStatus();
        return status == null ? -1 : status;
    }
}
