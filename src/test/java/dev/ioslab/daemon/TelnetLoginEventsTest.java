package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.device.DeviceEvent.CommandEntered;
import dev.ioslab.device.DeviceEvent.Login;
import dev.ioslab.device.DeviceEvent.LoginResult;
import dev.ioslab.device.DeviceEvent.Logout;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Telnet logins (refused, failed, ok), a command and the logout are events with method {@code telnet}. */
@Timeout(120)
class TelnetLoginEventsTest {

    @TempDir
    Path dir;

    @Test
    void telnetRefusalFailureLoginAndLogoutArePublished() throws Exception {
        try (RackFixture rack = new RackFixture(dir, 1);
             EventWatch watch = new EventWatch(rack.daemon.eventLog(), "r1")) {
            rack.daemon.devices().get(0).replayConfig("line vty 0 4\n transport input ssh\n");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), rack.port("r1", "telnet"))) {
                s.setSoTimeout(10_000);
                assertThat(s.getInputStream().readAllBytes()).isEmpty();
            }
            assertThat(watch.await(Login.class, l -> true))
                    .isEqualTo(new Login("", "127.0.0.1", "telnet", LoginResult.REFUSED));

            rack.daemon.devices().get(0).replayConfig("line vty 0 4\n transport input all\n");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), rack.port("r1", "telnet"))) {
                s.setSoTimeout(10_000);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                readUntil(in, "Username: ");
                out.write("admin\rnot-the-password\r".getBytes(StandardCharsets.ISO_8859_1));
                readUntil(in, "% Login invalid");
                assertThat(watch.await(Login.class, l -> true))
                        .isEqualTo(new Login("admin", "127.0.0.1", "telnet", LoginResult.FAILED));
                readUntil(in, "Username: ");
                out.write("admin\radmin\r".getBytes(StandardCharsets.ISO_8859_1));
                readUntil(in, "r1#");
                assertThat(watch.await(Login.class, l -> true))
                        .isEqualTo(new Login("admin", "127.0.0.1", "telnet", LoginResult.OK));
                out.write("show privilege\rexit\r".getBytes(StandardCharsets.ISO_8859_1));
                CommandEntered command = watch.await(CommandEntered.class, c -> c.line().equals("show privilege"));
                // "exit" ends the session: the server closes the connection.
                assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).contains("r1#exit");
                assertThat(watch.await(Logout.class, l -> true))
                        .isEqualTo(new Logout("admin", "127.0.0.1", command.vty()));
            }
            assertThat(watch.events().toString()).doesNotContain("not-the-password");
        }
    }

    private static void readUntil(InputStream in, String marker) throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed before '" + marker + "': " + seen);
            }
            seen.write(b);
        }
    }
}
