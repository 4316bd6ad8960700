package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class HostKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void hostKeyIsCreatedOnFirstStartAndReusedAfterRestart() throws Exception {
        LogCapture.quietLibraries();
        Path keyFile = dir.resolve("devices/r1/ssh/host_key");
        try (SshBackend backend = new SshBackend(1)) {
            String firstSeen;
            String firstFingerprint;
            try (SshServerFrontend first = frontend(backend, keyFile)) {
                InetSocketAddress address = first.start();
                firstFingerprint = first.hostKeyFingerprint();
                firstSeen = fingerprintSeenByClient(address);
            }
            assertThat(keyFile).exists();
            assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(keyFile)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
            assertThat(firstFingerprint).startsWith("SHA256:").isEqualTo(firstSeen);

            try (SshServerFrontend second = frontend(backend, keyFile)) {
                InetSocketAddress address = second.start();
                assertThat(second.hostKeyFingerprint()).isEqualTo(firstFingerprint);
                assertThat(fingerprintSeenByClient(address)).isEqualTo(firstFingerprint);
            }
        }
        try (var leftovers = Files.list(keyFile.getParent())) {
            assertThat(leftovers).containsExactly(keyFile);
        }
    }

    @Test
    void newHostKeyIsEcdsaP256() throws Exception {
        var key = HostKeyFile.loadOrCreate(dir.resolve("k"), "r1");
        assertThat(KeyUtils.getKeyType(key)).isEqualTo("ecdsa-sha2-nistp256");
        assertThat(HostKeyFile.loadOrCreate(dir.resolve("k"), "r1").getPublic()).isEqualTo(key.getPublic());
    }

    @Test
    void existingRsaHostKeyIsKept() throws Exception {
        var rsa = KeyUtils.generateKeyPair(org.apache.sshd.common.keyprovider.KeyPairProvider.SSH_RSA, 2048);
        java.nio.file.Path file = dir.resolve("rsa");
        try (var out = Files.newOutputStream(file)) {
            org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter.INSTANCE
                    .writePrivateKey(rsa, "", null, out);
        }
        var loaded = HostKeyFile.loadOrCreate(file, "r1");
        assertThat(KeyUtils.getKeyType(loaded)).isEqualTo("ssh-rsa");
        assertThat(loaded.getPublic()).isEqualTo(rsa.getPublic());
    }

    @Test
    void unreadableHostKeyStopsTheStartInsteadOfBeingReplaced() throws Exception {
        Path keyFile = dir.resolve("host_key");
        Files.writeString(keyFile, "not a key\n");

        assertThatThrownBy(() -> HostKeyFile.loadOrCreate(keyFile, "r1")).isInstanceOf(IOException.class)
                .hasMessageContaining(keyFile.toString()).hasMessageContaining("move it away");
        assertThat(Files.readString(keyFile)).isEqualTo("not a key\n");
    }

    private static SshServerFrontend frontend(SshBackend backend, Path keyFile) {
        return new SshServerFrontend(new FakeEndpoint("r1"), new InetSocketAddress("127.0.0.1", 0), keyFile, backend,
                SshSettings.defaults());
    }

    private static String fingerprintSeenByClient(InetSocketAddress address) throws Exception {
        AtomicReference<PublicKey> seen = new AtomicReference<>();
        SshClient client = MinaClients.passwordClient();
        client.setServerKeyVerifier((session, remote, key) -> {
            seen.set(key);
            return true;
        });
        try (ClientSession session = MinaClients.login(client, address, "admin", "secret")) {
            assertThat(session.isAuthenticated()).isTrue();
        } finally {
            client.stop();
        }
        return KeyUtils.getFingerPrint(seen.get());
    }
}
