package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ioslab.control.EventLog;
import dev.ioslab.control.LoggedEvent;
import dev.ioslab.device.DeviceEvent;
import dev.ioslab.device.DeviceEvent.CommandEntered;
import dev.ioslab.device.DeviceEvent.ConfigChange;
import dev.ioslab.device.DeviceEvent.Login;
import dev.ioslab.device.DeviceEvent.LoginResult;
import dev.ioslab.device.DeviceEvent.Logout;
import dev.ioslab.device.DeviceEvent.Reload;
import dev.ioslab.device.DeviceEvent.Transfer;
import dev.ioslab.device.DeviceEvent.Verification;
import dev.ioslab.testing.SshShell;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What a user does on a device over SSH shows up in the daemon's event log, in order and without a credential:
 * logins, command lines, configuration changes, a save, transfers from the embedded FTP repository, a verification,
 * a reload and the logout.
 */
@Timeout(180)
class DeviceEventsTest {

    private static final String SECRETS_PATTERN = "Hunter2pw|FtpPw123|Sup3rSecret|wrong-pass";

    @TempDir
    Path dir;

    @Test
    void aSessionOverSshIsRecordedAsEventsWithoutCredentials() throws Exception {
        Path images = Files.createDirectories(dir.resolve("var/images"));
        byte[] image = new byte[300_000];
        new Random(7).nextBytes(image);
        Files.write(images.resolve("lab-image.bin"), image);
        Logger ioslab = (Logger) LoggerFactory.getLogger("dev.ioslab");
        Level previous = ioslab.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ioslab.addAppender(logs);
        ioslab.setLevel(Level.DEBUG);
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1, true);
             EventWatch watch = new EventWatch(rack.daemon.eventLog(), "r1")) {
            InetSocketAddress ssh = new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh"));
            int ftp = rack.repositoryPort("ftp");
            assertThatThrownBy(() -> SshShell.open(ssh, "admin", "wrong-pass").close()).isInstanceOf(Exception.class);
            Login failed = watch.await(Login.class, l -> l.result() == LoginResult.FAILED);
            assertThat(failed).isEqualTo(new Login("admin", "127.0.0.1", "ssh", LoginResult.FAILED));

            try (SshShell shell = SshShell.open(ssh, "admin", "admin")) {
                shell.await("r1#");
                assertThat(watch.await(Login.class, l -> l.result() == LoginResult.OK))
                        .isEqualTo(new Login("admin", "127.0.0.1", "ssh", LoginResult.OK));
                shell.type("show users\r");
                CommandEntered show = watch.await(CommandEntered.class, c -> c.line().equals("show users"));
                assertThat(show.mode()).isEqualTo("exec");
                assertThat(show.privilege()).isEqualTo(15);
                assertThat(show.user()).isEqualTo("admin");
                int vty = show.vty();

                shell.type("configure terminal\rhostname lab1\rusername bob secret Hunter2pw\r"
                        + "ip ftp password FtpPw123\rinterface GigabitEthernet9/9\rfile prompt quiet\r"
                        + "interface GigabitEthernet0/1\rend\r");
                assertThat(shell.await("lab1#")).contains("% Invalid input detected");
                assertThat(watch.await(CommandEntered.class, c -> c.line().startsWith("hostname")).mode())
                        .isEqualTo("config");
                watch.await(CommandEntered.class, c -> c.line().equals("end"));

                shell.take();
                shell.type("copy ftp://127.0.0.1:" + ftp + "/lab-image.bin flash0:\r");
                shell.await("bytes/sec)");
                Transfer ok = watch.await(Transfer.class, t -> true);
                assertThat(ok.url()).isEqualTo("ftp://127.0.0.1:" + ftp + "/lab-image.bin");
                assertThat(ok.direction()).isEqualTo(DeviceEvent.Direction.DOWNLOAD);
                assertThat(ok.protocol()).isEqualTo("ftp");
                assertThat(ok.bytes()).isEqualTo(image.length);
                assertThat(ok.seconds()).isPositive();
                assertThat(ok.result()).isEqualTo("ok");

                shell.take();
                shell.type("copy ftp://admin:Sup3rSecret@127.0.0.1:" + ftp + "/lab-image.bin flash0:copy.bin\r");
                assertThat(shell.await(")\r\n")).contains("%Error");
                Transfer refused = watch.await(Transfer.class, t -> !t.ok());
                assertThat(refused.url()).isEqualTo("ftp://admin@127.0.0.1:" + ftp + "/lab-image.bin");
                assertThat(refused.result()).isNotBlank().isNotEqualTo("ok");

                shell.take();
                shell.type("verify flash0:" + LabImages.CURRENT + "\r");
                shell.await("Digital signature successfully verified");
                Verification verified = watch.await(Verification.class,
                        v -> v.file().equals("flash0:/" + LabImages.CURRENT) && v.result().equals("valid"));
                assertThat(verified.signer()).isNotBlank();

                shell.type("write memory\r");
                shell.await("[OK]");
                assertThat(watch.await(ConfigChange.class, ConfigChange::saved))
                        .isEqualTo(new ConfigChange("write memory", "admin", true));

                shell.type("reload\r");
                shell.await("Proceed with reload? [confirm]");
                shell.type("\r");
                assertThat(shell.awaitClosed()).isTrue();
                assertThat(watch.await(Reload.class, r -> r.kind().equals("reload")).reason()).isNotBlank();
                assertThat(watch.await(Logout.class, l -> true)).isEqualTo(new Logout("admin", "127.0.0.1", vty));
                assertThat(watch.await(Reload.class, r -> r.kind().equals("boot")).reason())
                        .isEqualTo("Reload Command");
            }

            List<DeviceEvent> events = watch.events();
            List<String> configLines = events.stream().filter(e -> e instanceof ConfigChange c && !c.saved())
                    .map(e -> ((ConfigChange) e).line()).toList();
            // The rejected interface is a command entered but no configuration change.
            assertThat(configLines).containsExactly("hostname lab1", "username bob secret *****",
                    "ip ftp password *****", "file prompt quiet", "interface GigabitEthernet0/1");
            assertThat(events).filteredOn(e -> e instanceof CommandEntered).extracting(e -> ((CommandEntered) e).line())
                    .contains("configure terminal", "username bob secret *****", "interface GigabitEthernet9/9", "end",
                            "copy ftp://admin@127.0.0.1:" + ftp + "/lab-image.bin flash0:copy.bin");
            // Events come back through the log's reading API in publishing order, with one rising sequence.
            EventLog.Page page = rack.daemon.eventLog().since("r1", 0, 1000);
            assertThat(page.events()).extracting(LoggedEvent::seq).isSorted().doesNotHaveDuplicates();
            assertThat(page.events().toString()).doesNotContainPattern(SECRETS_PATTERN);
        } finally {
            ioslab.detachAppender(logs);
            ioslab.setLevel(previous);
        }
        synchronized (logs) {
            assertThat(logs.list).isNotEmpty();
            assertThat(logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList().toString())
                    .doesNotContainPattern(SECRETS_PATTERN);
        }
    }
}
