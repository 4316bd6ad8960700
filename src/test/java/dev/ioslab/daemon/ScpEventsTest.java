package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.cli.DeviceShell;
import dev.ioslab.device.DeviceEvent;
import dev.ioslab.device.DeviceEvent.Transfer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.scp.client.ScpClient;
import org.apache.sshd.scp.client.ScpClientCreator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Copies over the device's SCP server are transfer events with protocol {@code scp}, refusals included. */
@Timeout(120)
class ScpEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void scpCopiesOntoAndOffTheDeviceArePublished() throws Exception {
        try (RackFixture rack = new RackFixture(dir, 1);
             EventWatch watch = new EventWatch(rack.daemon.eventLog(), "r1")) {
            DeviceShell r1 = rack.daemon.devices().get(0);
            SshClient client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
            client.start();
            try (ClientSession session = client.connect("admin", "127.0.0.1", rack.port("r1", "ssh"))
                    .verify(WAIT).getSession()) {
                session.addPasswordIdentity("admin");
                session.auth().verify(WAIT);
                ScpClient scp = ScpClientCreator.instance().createScpClient(session);
                byte[] bytes = "image bytes".getBytes(StandardCharsets.US_ASCII);
                try {
                    scp.upload(bytes, "flash0:/a.bin", PosixFilePermissions.fromString("rw-r--r--"), null);
                } catch (java.io.IOException refusedWhileDisabled) {
                    // The SCP server is off until "ip scp server enable": the event says so.
                }
                Transfer refused = watch.await(Transfer.class, t -> true);
                assertThat(refused.result()).startsWith("%Error: SCP server is not enabled");
                assertThat(refused.bytes()).isZero();

                assertThat(r1.replayConfig("ip scp server enable\n")).isEmpty();
                scp.upload(bytes, "flash0:/a.bin", PosixFilePermissions.fromString("rw-r--r--"), null);
                Transfer received = watch.await(Transfer.class, Transfer::ok);
                assertThat(received.url()).isEqualTo("flash0:/a.bin");
                assertThat(received.direction()).isEqualTo(DeviceEvent.Direction.DOWNLOAD);
                assertThat(received.protocol()).isEqualTo("scp");
                assertThat(received.bytes()).isEqualTo(11);
                assertThat(scp.downloadBytes("flash0:/a.bin")).isEqualTo(bytes);
                Transfer sent = watch.await(Transfer.class, Transfer::ok);
                assertThat(sent.direction()).isEqualTo(DeviceEvent.Direction.UPLOAD);
                assertThat(sent.bytes()).isEqualTo(11);
                assertThat(sent.protocol()).isEqualTo("scp");
            } finally {
                client.stop();
            }
        }
    }
}
