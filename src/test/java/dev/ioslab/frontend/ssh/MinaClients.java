package dev.ioslab.frontend.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/** MINA SSH clients for tests: password authentication only, any host key accepted. */
final class MinaClients {

    static final Duration WAIT = Duration.ofSeconds(10);

    private MinaClients() {
    }

    static SshClient passwordClient() {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        client.start();
        return client;
    }

    static ClientSession connect(SshClient client, InetSocketAddress server, String user) throws IOException {
        return client.connect(user, server.getHostString(), server.getPort()).verify(WAIT).getSession();
    }

    /** Connects and authenticates with {@code password}; throws when the server refuses it. */
    static ClientSession login(SshClient client, InetSocketAddress server, String user, String password)
            throws IOException {
        ClientSession session = connect(client, server, user);
        session.addPasswordIdentity(password);
        try {
            session.auth().verify(WAIT);
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw e;
        }
        return session;
    }
}
