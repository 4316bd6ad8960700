package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.config.DaemonSettings;
import dev.ioslab.config.DeviceSpec;
import dev.ioslab.config.ImageRepositorySettings;
import dev.ioslab.config.IoslabConfig;
import dev.ioslab.config.PlatformSpec;
import dev.ioslab.config.SshAlgorithmSettings;
import dev.ioslab.config.TransferDefaults;
import dev.ioslab.config.UserSpec;
import dev.ioslab.device.SshAlgorithms;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code daemon: ssh:} reaches every device's SSH server, and the device knows what its server offers. */
class SshAlgorithmConfigWiringTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void configuredListsAreOfferedAndReportedToTheDevice() throws Exception {
        SshAlgorithmSettings ssh = new SshAlgorithmSettings(List.of("ecdh-sha2-nistp384", "ecdh-sha2-nistp256"),
                List.of("aes256-ctr"), List.of("hmac-sha2-512"), List.of());
        DeviceSpec r1 = new DeviceSpec("r1", new PlatformSpec(PlatformSpec.DEFAULT_MODEL, "FGL161010A",
                PlatformSpec.DEFAULT_MAIN_MEMORY_KB, PlatformSpec.DEFAULT_IO_MEMORY_KB, PlatformSpec.DEFAULT_FLASH,
                PlatformSpec.DEFAULT_NVRAM_BYTES), "127.0.0.1", 0, 0, List.of(new UserSpec("admin", 15, "admin")),
                "cisco", List.of());
        IoslabConfig config = new IoslabConfig(new DaemonSettings(dir, Path.of("conf/logback.xml"), 1, "127.0.0.1",
                Duration.ofSeconds(30), 1, Duration.ofMillis(200), ssh), List.of(r1),
                new ImageRepositorySettings(false, "127.0.0.1", 0, 0, dir.resolve("images"), 0, 0, List.of(), false,
                        64 * 1024),
                TransferDefaults.DEFAULTS);
        try (Daemon daemon = new Daemon(config, Path.of("").toAbsolutePath(), Clock.systemUTC())) {
            daemon.start();

            SshAlgorithms offered = daemon.devices().get(0).device().sshAlgorithms().orElseThrow();
            assertThat(offered.kex()).containsExactly("ecdh-sha2-nistp384", "ecdh-sha2-nistp256");
            assertThat(offered.ciphers()).containsExactly("aes256-ctr");
            assertThat(offered.macs()).containsExactly("hmac-sha2-512");
            assertThat(offered.hostKeyAlgorithms()).containsExactly("ecdsa-sha2-nistp256");

            int port = daemon.listeners().stream().filter(l -> l.protocol().equals("ssh")).findFirst().orElseThrow()
                    .address().getPort();
            SshClient client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            try (ClientSession session = client.connect("admin", "127.0.0.1", port).verify(WAIT).getSession()) {
                session.addPasswordIdentity("admin");
                session.auth().verify(WAIT);
                assertThat(session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS))
                        .isIn("ecdh-sha2-nistp384", "ecdh-sha2-nistp256");
                assertThat(session.getNegotiatedKexParameter(KexProposalOption.S2CENC)).isEqualTo("aes256-ctr");
            } finally {
                client.stop();
            }
        }
    }
}
