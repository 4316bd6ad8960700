package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioslab.commands.exec.TextFsm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Netmiko from Debian's python3-netmiko, run with /usr/bin/python3, drives a device as automation does: connect,
 * enable, show version (raw and through ntc-templates), a config set, save, disconnect.
 */
class NetmikoInteropTest {

    @TempDir
    Path dir;

    static boolean netmikoInstalled() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import netmiko").redirectErrorStream(true)
                    .start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static JsonNode runNetmiko(Path dir, String deviceType, int port) throws Exception {
        Path script = dir.resolve("netmiko_session.py");
        try (InputStream in = NetmikoInteropTest.class.getResourceAsStream("/interop/netmiko_session.py")) {
            Files.copy(in, script);
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString(), deviceType, "127.0.0.1",
                String.valueOf(port), "admin", "admin", "cisco");
        // The templates users parse with: the ntc-templates snapshot vendored in the test resources.
        Path templates = TextFsm.TEMPLATES;
        assertThat(templates.resolve("index")).exists();
        pb.environment().put("NET_TEXTFSM", templates.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("netmiko failed: %s", err).isZero();
        return new ObjectMapper().readTree(out);
    }

    @Test
    void netmikoTelnetDrivesTheDevice() throws Exception {
        assumeTrue(netmikoInstalled(), "python3-netmiko is not installed");
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1)) {
            JsonNode r = runNetmiko(dir, "cisco_ios_telnet", rack.port("r1", "telnet"));
            assertNetmikoSession(r);
        }
    }

    @Test
    void netmikoSshDrivesTheDevice() throws Exception {
        assumeTrue(netmikoInstalled(), "python3-netmiko is not installed");
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1)) {
            JsonNode r = runNetmiko(dir, "cisco_ios", rack.port("r1", "ssh"));
            assertNetmikoSession(r);
        }
    }

    @Test
    void netmikoFileTransferPutsAndVerifiesAnImage() throws Exception {
        assumeTrue(netmikoInstalled(), "python3-netmiko is not installed");
        Path image = dir.resolve("c3900-test.bin");
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(bytes);
        Files.write(image, bytes);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1)) {
            Path script = dir.resolve("netmiko_file_transfer.py");
            try (InputStream in = getClass().getResourceAsStream("/interop/netmiko_file_transfer.py")) {
                Files.copy(in, script);
            }
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), "127.0.0.1",
                    String.valueOf(rack.port("r1", "ssh")), "admin", "admin", "cisco", image.toString(),
                    "c3900-test.bin").start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("netmiko failed: %s", err).isZero();
            JsonNode r = new ObjectMapper().readTree(out);
            assertThat(r.get("first").get("file_transferred").asBoolean()).as(r.toString()).isTrue();
            assertThat(r.get("first").get("file_verified").asBoolean()).isTrue();
            // The second call finds the same file (dir + verify /md5) and transfers nothing.
            assertThat(r.get("again").get("file_exists").asBoolean()).isTrue();
            assertThat(r.get("again").get("file_transferred").asBoolean()).isFalse();
            assertThat(r.get("dir").asText()).contains(String.valueOf(bytes.length)).contains("c3900-test.bin");
            assertThat(r.get("md5").asText()).contains("= " + md5);
            Path stored = dir.resolve("var/devices/r1/flash0/c3900-test.bin");
            assertThat(Files.readAllBytes(stored)).isEqualTo(bytes);
        }
    }

    @Test
    void netmikoCopiesAnImageOverFtpAndItsMd5MatchesTheServersFile() throws Exception {
        assumeTrue(netmikoInstalled(), "python3-netmiko is not installed");
        Path served = Files.createDirectories(dir.resolve("served"));
        byte[] bytes = new byte[2 * 1024 * 1024 + 5];
        new Random(9).nextBytes(bytes);
        Files.write(served.resolve("c3900-universalk9-mz.SPA.157-3.M9.bin"), bytes);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        factory.addListener("default", listener.createListener());
        BaseUser user = new BaseUser();
        user.setName("images");
        user.setPassword("images123");
        user.setHomeDirectory(served.toString());
        UserManager users =
                new PropertiesUserManagerFactory().createUserManager();
        users.save(user);
        factory.setUserManager(users);
        FtpServer server = factory.createServer();
        server.start();
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1)) {
            int ftpPort = ((DefaultFtpServer) server).getListener("default").getPort();
            Path script = dir.resolve("netmiko_ftp_copy.py");
            try (InputStream in = getClass().getResourceAsStream("/interop/netmiko_ftp_copy.py")) {
                Files.copy(in, script);
            }
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), "127.0.0.1",
                    String.valueOf(rack.port("r1", "ssh")), "admin", "admin", "cisco",
                    "ftp://images:images123@127.0.0.1:" + ftpPort + "/c3900-universalk9-mz.SPA.157-3.M9.bin",
                    "c3900-universalk9-mz.SPA.157-3.M9.bin").start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("netmiko failed: %s", err).isZero();
            JsonNode r = new ObjectMapper().readTree(out);
            assertThat(r.get("copy").asText()).contains("[OK - " + bytes.length + "/4096 bytes]")
                    .contains(bytes.length + " bytes copied in").doesNotContain("images123");
            assertThat(r.get("md5").asText()).contains("= " + md5);
        } finally {
            server.stop();
        }
    }

    static void assertNetmikoSession(JsonNode r) {
        assertThat(r.get("prompt_before_enable").asText()).isEqualTo("r1#");
        assertThat(r.get("prompt").asText()).isEqualTo("r1#");
        assertThat(r.get("version").asText()).startsWith("Cisco IOS Software, C3900 Software")
                .contains("Configuration register is 0x2102");
        JsonNode parsed = r.get("parsed_version");
        assertThat(parsed.isArray()).as("textfsm parsed show version: %s", parsed).isTrue();
        assertThat(parsed.get(0).get("version").asText()).isEqualTo("15.7(3)M8");
        assertThat(parsed.get(0).get("hostname").asText()).isEqualTo("r1");
        assertThat(r.get("config").asText()).doesNotContain("Invalid input").contains("r1(config-if)#");
        assertThat(r.get("prompt_after_config").asText()).isEqualTo("r1#");
        assertThat(r.get("save").asText()).contains("[OK]");
        assertThat(r.get("brief").asText()).containsPattern("GigabitEthernet0/1\\s+192\\.0\\.2\\.1\\s+YES manual up");
        assertThat(r.get("running").asText()).contains(" description set by netmiko");
        assertThat(r.get("startup").asText()).contains("ip domain name lab.example");
    }
}
