package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioslab.testing.SmallTmpfs;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real 24 MiB tmpfs holding {@code var/}: Netmiko's {@code file_transfer} (Debian's python3-netmiko,
 * run with /usr/bin/python3) into a device whose host disk is full reports the failure and leaves nothing in flash;
 * {@code write memory} then prints IOS's {@code %Error} and the old startup-config stays; once space returns, the
 * save works. Skipped unless Netmiko is installed and the test may mount a tmpfs (root; CI runs as root).
 */
@Timeout(300)
class NetmikoFullHostDiskTest {

    @TempDir
    Path dir;

    @Test
    void fileTransferAndSaveOnAFullHostDiskFailCleanlyAndTheSaveWorksOnceSpaceReturns() throws Exception {
        assumeTrue(NetmikoInteropTest.netmikoInstalled(), "python3-netmiko is not installed");
        Path image = dir.resolve("c3900-test.bin");
        byte[] bytes = new byte[2 * 1024 * 1024 + 3];
        new Random(17).nextBytes(bytes);
        Files.write(image, bytes);
        Path script = dir.resolve("netmiko_full_disk.py");
        try (InputStream in = getClass().getResourceAsStream("/interop/netmiko_full_disk.py")) {
            Files.copy(in, script);
        }
        try (SmallTmpfs disk = SmallTmpfs.mount(dir.resolve("var"), 24);
             RackFixture rack = new RackFixture(disk.root(), 1)) {
            Path flash = disk.root().resolve("devices/r1/flash0");
            rack.daemon.devices().get(0).device().fileSystems();
            List<String> flashBefore = files(flash);

            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), "127.0.0.1",
                    String.valueOf(rack.port("r1", "ssh")), "admin", "admin", "cisco", image.toString(),
                    "c3900-test.bin", disk.root().resolve("filler").toString()).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("netmiko failed: %s", err).isZero();
            JsonNode r = new ObjectMapper().readTree(out);

            assertThat(r.get("first_save").asText()).as(r.toString()).contains("[OK]");
            assertThat(r.has("transfer")).as("the transfer must not succeed: %s", r).isFalse();
            // dir reports what the host can still store, so Netmiko's own space check refuses before any byte.
            assertThat(r.get("transfer_error").asText())
                    .isEqualTo("ValueError: Insufficient space available on remote device");
            assertThat(r.get("dir").asText()).doesNotContain("c3900-test.bin");
            assertThat(files(flash)).as("nothing left in flash, temp files included").isEqualTo(flashBefore);
            assertThat(r.get("full_save").asText())
                    .contains("%Error: startup-config file open failed (Not enough space on device)");
            assertThat(r.get("startup_after_full_save").asText()).contains("hostname r1")
                    .doesNotContain("full-disk.example");
            assertThat(r.get("save_with_room").asText()).contains("[OK]");
            assertThat(r.get("startup_with_room").asText()).contains("ip domain name full-disk.example");
        }
    }

    /** Every host file under {@code folder}, hidden ones included. */
    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString()).sorted().toList();
        }
    }
}
