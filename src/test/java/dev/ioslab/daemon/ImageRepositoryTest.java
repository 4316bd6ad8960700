package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.SshShell;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's own image repository, reached by a device over SSH exactly as the README walks through it. */
@Timeout(120)
class ImageRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void aDeviceCopiesFromTheEmbeddedFtpAndTftpServers() throws Exception {
        Path images = Files.createDirectories(dir.resolve("var/images"));
        byte[] image = new byte[1_500_000];
        new Random(5).nextBytes(image);
        Files.write(images.resolve("lab-image.bin"), image);
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1, true);
             SshShell shell = SshShell.open(new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh")), "admin",
                     "admin")) {
            shell.await("r1#");
            int ftp = rack.repositoryPort("ftp");
            shell.type("copy ftp://127.0.0.1:" + ftp + "/lab-image.bin flash0:\r");
            shell.await("Destination filename [lab-image.bin]? ");
            shell.type("\r");
            String out = shell.await("bytes/sec)");
            assertThat(out).contains("Accessing ftp://127.0.0.1:" + ftp + "/lab-image.bin...")
                    .contains("[OK - 1500000/4096 bytes]");
            assertThat(Files.readAllBytes(dir.resolve("var/devices/r1/flash0/lab-image.bin"))).isEqualTo(image);

            int tftp = rack.repositoryPort("tftp");
            shell.take();
            shell.type("copy tftp://127.0.0.1:" + tftp + "/lab-image.bin usbflash0:\r");
            shell.await("Destination filename [lab-image.bin]? ");
            shell.type("\r");
            assertThat(shell.await("bytes/sec)")).contains("Loading lab-image.bin from 127.0.0.1 (via ")
                    .contains("[OK - 1500000 bytes]");
            assertThat(Files.readAllBytes(dir.resolve("var/devices/r1/usbflash0/lab-image.bin"))).isEqualTo(image);
        }
    }
}
