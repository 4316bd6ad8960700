package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.cli.DeviceShell;
import dev.ioslab.fs.IosFileSystem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.scp.client.ScpClientCreator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The daemon gives every device's SSH endpoint its SCP server, switched by the device's own configuration. */
@Timeout(60)
class DaemonScpTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void scpFollowsIpScpServerEnableOfTheDevice() throws Exception {
        try (RackFixture rack = new RackFixture(dir, 1)) {
            DeviceShell r1 = rack.daemon.devices().get(0);
            SshClient client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
            client.start();
            try (ClientSession session = client.connect("admin", "127.0.0.1", rack.port("r1", "ssh"))
                    .verify(WAIT).getSession()) {
                session.addPasswordIdentity("admin");
                session.auth().verify(WAIT);

                ChannelExec refused = session.createExecChannel("scp -t flash0:/a.bin");
                refused.open().verify(WAIT);
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                refused.getInvertedOut().transferTo(answer);
                refused.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
                assertThat(answer.toString(StandardCharsets.UTF_8)).startsWith("\001%Error: SCP server is not enabled");
                assertThat(refused.getExitStatus()).isEqualTo(1);

                assertThat(r1.replayConfig("ip scp server enable\n")).isEmpty();
                byte[] bytes = "image bytes".getBytes(StandardCharsets.US_ASCII);
                ScpClientCreator.instance().createScpClient(session).upload(bytes, "flash0:/a.bin",
                        PosixFilePermissions.fromString("rw-r--r--"), null);
            } finally {
                client.stop();
            }
            IosFileSystem flash = r1.device().fileSystems().defaultFileSystem();
            assertThat(Files.readAllBytes(r1.device().stateDir().resolve("flash0").resolve("a.bin")))
                    .isEqualTo("image bytes".getBytes(StandardCharsets.US_ASCII));
            assertThat(flash.stat(flash.resolve("a.bin")).size()).isEqualTo(11);
        }
    }
}
