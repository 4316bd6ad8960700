package dev.ioslab.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * An interactive SSH shell on a device, as an engineer's client opens it (MINA's client, password login, a vt100
 * pty): type text, wait for text, see the session end. For daemon-level tests.
 */
public final class SshShell implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private final SshClient client;
    private final ClientSession session;
    private final ChannelShell shell;
    private final TextSink out = new TextSink();

    private SshShell(SshClient client, ClientSession session, ChannelShell shell) {
        this.client = client;
        this.session = session;
        this.shell = shell;
    }

    /** Logs in and waits for the first prompt ending in {@code #} or {@code >}. */
    public static SshShell open(InetSocketAddress server, String user, String password) throws Exception {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        client.start();
        try {
            ClientSession session = client.connect(user, server.getHostString(), server.getPort()).verify(WAIT)
                    .getSession();
            session.addPasswordIdentity(password);
            session.auth().verify(WAIT);
            ChannelShell shell = session.createShellChannel();
            shell.setPtyType("vt100");
            shell.setPtyColumns(200);
            SshShell result = new SshShell(client, session, shell);
            shell.setOut(result.out);
            shell.setErr(result.out);
            shell.open().verify(WAIT);
            return result;
        } catch (Exception e) {
            client.stop();
            throw e;
        }
    }

    /** Types {@code text} as is. */
    public void type(String text) throws IOException {
        OutputStream in = shell.getInvertedIn();
        in.write(text.getBytes(StandardCharsets.ISO_8859_1));
        in.flush();
    }

    /** Waits until everything received contains {@code expected}; returns all received so far. */
    public String await(String expected) throws InterruptedException {
        return out.await(expected, WAIT);
    }

    /** Number of SSH_MSG_CHANNEL_DATA messages received so far (MINA's client writes each one in one call). */
    public int dataMessages() {
        return out.writes();
    }

    /** Everything received since the last call. */
    public String take() {
        return out.take();
    }

    /** {@code write memory}, then {@code reload} confirmed; true once the device has closed the session. */
    public boolean saveAndReload() throws IOException, InterruptedException {
        type("write memory\r");
        await("[OK]");
        type("reload\r");
        await("Proceed with reload? [confirm]");
        type("\r");
        return awaitClosed();
    }

    /** Waits until the server has closed the channel; true when it did within the wait. */
    public boolean awaitClosed() {
        return !shell.waitFor(List.of(ClientChannelEvent.CLOSED), WAIT).contains(ClientChannelEvent.TIMEOUT);
    }

    @Override
    public void close() throws IOException {
        try {
            shell.close(true);
            session.close(true);
        } finally {
            client.stop();
        }
    }
}
