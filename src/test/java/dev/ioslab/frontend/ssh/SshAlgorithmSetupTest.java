package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import dev.ioslab.config.SshAlgorithmSettings;
import dev.ioslab.device.SshAlgorithms;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.kex.extension.DefaultClientKexExtensionHandler;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The algorithm lists a device's server offers: defaults, configured lists, and what it reports offering. */
class SshAlgorithmSetupTest {

    @TempDir
    Path dir;

    private SshBackend backend;
    private SshServerFrontend frontend;
    private SshClient client;

    @BeforeEach
    void setUp() {
        LogCapture.quietLibraries();
        backend = new SshBackend(1);
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.stop();
        }
        if (frontend != null) {
            frontend.close();
        }
        backend.close();
    }

    @Test
    void everyConfigurableNameIsOneMinaCanOfferAndEveryDefaultIsConfigurable() {
        assertThat(SshAlgorithmSettings.KNOWN_KEX).allSatisfy(name -> assertSupported(
                BuiltinDHFactories.fromFactoryName(name), name));
        assertThat(SshAlgorithmSettings.KNOWN_CIPHERS).allSatisfy(name -> assertSupported(
                BuiltinCiphers.fromFactoryName(name), name));
        assertThat(SshAlgorithmSettings.KNOWN_MACS).allSatisfy(name -> assertSupported(
                BuiltinMacs.fromFactoryName(name), name));
        assertThat(SshAlgorithmSettings.KNOWN_HOST_KEY_ALGORITHMS).allSatisfy(name -> assertSupported(
                BuiltinSignatures.fromFactoryName(name), name));
        assertThat(SshAlgorithmSettings.KNOWN_KEX).containsAll(SshAlgorithmSetup.DEFAULT_KEX);
        assertThat(SshAlgorithmSettings.KNOWN_CIPHERS).containsAll(SshAlgorithmSetup.DEFAULT_CIPHERS);
        assertThat(SshAlgorithmSettings.KNOWN_MACS).containsAll(SshAlgorithmSetup.DEFAULT_MACS);
        assertThat(SshAlgorithmSettings.KNOWN_HOST_KEY_ALGORITHMS)
                .containsAll(SshAlgorithmSetup.DEFAULT_HOST_KEY_ALGORITHMS);
        assertThat(SshAlgorithmSettings.REFUSED.keySet()).doesNotContainAnyElementsOf(SshAlgorithmSettings.KNOWN_KEX)
                .doesNotContainAnyElementsOf(SshAlgorithmSettings.KNOWN_CIPHERS)
                .doesNotContainAnyElementsOf(SshAlgorithmSettings.KNOWN_MACS);
    }

    @Test
    void defaultsLeaveOutSntrup761AndSha1AndOfferOnlyTheHostKeysOwnAlgorithm() throws Exception {
        InetSocketAddress address = start(SshAlgorithmLists.DEFAULTS);

        SshAlgorithms offered = frontend.offeredAlgorithms();
        assertThat(offered.kex()).isEqualTo(SshAlgorithmSetup.DEFAULT_KEX)
                .doesNotContain("sntrup761x25519-sha512@openssh.com", "diffie-hellman-group14-sha1");
        assertThat(offered.ciphers()).isEqualTo(SshAlgorithmSetup.DEFAULT_CIPHERS);
        assertThat(offered.macs()).isEqualTo(SshAlgorithmSetup.DEFAULT_MACS).doesNotContain("hmac-sha1");
        assertThat(offered.hostKeyAlgorithms()).containsExactly("ecdsa-sha2-nistp256");
        assertThat(offered.publicKeyAlgorithms()).contains("rsa-sha2-512", "ecdsa-sha2-nistp256", "ssh-ed25519");

        client = client(c -> c.setKeyExchangeFactories(List.of(
                ClientBuilder.DH2KEX.apply(BuiltinDHFactories.sntrup761x25519_openssh))));
        assertThatThrownBy(() -> login(address)).isInstanceOf(Exception.class);
        client.stop();
        client = client(c -> { });
        try (ClientSession session = login(address)) {
            assertThat(session.getNegotiatedKexParameter(KexProposalOption.SERVERKEYS))
                    .isEqualTo("ecdsa-sha2-nistp256");
            assertThat(SshAlgorithmSetup.DEFAULT_KEX)
                    .contains(session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS));
        }
    }

    @Test
    void configuredListsAreWhatTheServerOffersAndWhatClientsGet() throws Exception {
        InetSocketAddress address = start(new SshAlgorithmLists(List.of("ecdh-sha2-nistp256"),
                List.of("aes256-ctr"), List.of("hmac-sha2-512"), List.of()));

        assertThat(frontend.offeredAlgorithms().kex()).containsExactly("ecdh-sha2-nistp256");
        assertThat(frontend.offeredAlgorithms().ciphers()).containsExactly("aes256-ctr");
        client = client(c -> { });
        try (ClientSession session = login(address)) {
            assertThat(session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS))
                    .isEqualTo("ecdh-sha2-nistp256");
            assertThat(session.getNegotiatedKexParameter(KexProposalOption.S2CENC)).isEqualTo("aes256-ctr");
            assertThat(session.getNegotiatedKexParameter(KexProposalOption.C2SMAC)).isEqualTo("hmac-sha2-512");
            // Narrowing the host key algorithms leaves users' key types in server-sig-algs (RFC 8308).
            assertThat(session.getAttribute(DefaultClientKexExtensionHandler.SERVER_ALGORITHMS))
                    .contains("rsa-sha2-512", "rsa-sha2-256", "ssh-ed25519", "ecdsa-sha2-nistp256");
        }
        client.stop();
        client = client(c -> c.setCipherFactories(List.of(BuiltinCiphers.cc20p1305_openssh)));
        assertThatThrownBy(() -> login(address)).isInstanceOf(Exception.class);
    }

    @Test
    void aKeptRsaHostKeyIsOfferedWithItsSha2SignaturesOnly() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        try (OutputStream out = Files.newOutputStream(dir.resolve("host_key"))) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(rsa.generateKeyPair(), "r1", null, out);
        }

        InetSocketAddress address = start(SshAlgorithmLists.DEFAULTS);

        assertThat(frontend.offeredAlgorithms().hostKeyAlgorithms()).containsExactly("rsa-sha2-512", "rsa-sha2-256");
        client = client(c -> { });
        try (ClientSession session = login(address)) {
            assertThat(session.getNegotiatedKexParameter(KexProposalOption.SERVERKEYS)).startsWith("rsa-sha2-");
        }
    }

    @Test
    void hostKeyAlgorithmsThatDoNotFitTheKeyStopTheStartNamingTheDevice() {
        frontend = new SshServerFrontend(new FakeEndpoint("r9"), new InetSocketAddress("127.0.0.1", 0),
                dir.resolve("host_key"), backend, settings(new SshAlgorithmLists(List.of(), List.of(), List.of(),
                List.of("rsa-sha2-256"))));

        assertThatThrownBy(frontend::start).isInstanceOf(IOException.class)
                .hasMessage("SSH server for r9: none of the host key algorithms [rsa-sha2-256] fits the device's "
                        + "ecdsa-sha2-nistp256 host key");
    }

    private static void assertSupported(Object factory, String name) {
        assertThat(factory).as(name).isNotNull();
        assertThat(((org.apache.sshd.common.OptionalFeature) factory).isSupported()).as(name).isTrue();
    }

    private InetSocketAddress start(SshAlgorithmLists lists) throws IOException {
        frontend = new SshServerFrontend(new FakeEndpoint("r1"), new InetSocketAddress("127.0.0.1", 0),
                dir.resolve("host_key"), backend, settings(lists));
        return frontend.start();
    }

    private static SshSettings settings(SshAlgorithmLists lists) {
        SshSettings d = SshSettings.defaults();
        return new SshSettings(d.authTimeout(), Duration.ZERO, d.maxAuthTries(), d.failuresBeforeDelay(),
                d.failureDelay(), lists);
    }

    private static SshClient client(Consumer<SshClient> restrict) {
        SshClient c = SshClient.setUpDefaultClient();
        c.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        c.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        restrict.accept(c);
        c.start();
        return c;
    }

    private ClientSession login(InetSocketAddress address) throws IOException {
        return MinaClients.login(client, address, FakeEndpoint.USER, FakeEndpoint.PASSWORD);
    }
}
