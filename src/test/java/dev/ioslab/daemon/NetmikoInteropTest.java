package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ioslab.commands.exec.TextFsm;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
        new java.util.Random(7).nextBytes(bytes);
        Files.write(image, bytes);
        String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
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
