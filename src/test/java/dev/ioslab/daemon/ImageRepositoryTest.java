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

    private static final int DEVICES = Integer.getInteger("devices", 50);

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

    @Test
    void fiftyDevicesPullTheSameImageFromTheEmbeddedTftpServerAtOnceAndAllVerify() throws Exception {
        try (RackFixture rack = new RackFixture(dir.resolve("var"), DEVICES, true)) {
            int tftp = rack.repositoryPort("tftp");
            String image = "c3900-universalk9-mz.SSA.159-3.M2.bin";
            java.util.List<java.util.concurrent.CompletableFuture<String>> copies = new java.util.ArrayList<>();
            for (dev.ioslab.cli.DeviceShell shell : rack.daemon.devices()) {
                shell.replayConfig("file prompt quiet\n");
                dev.ioslab.testing.FakeTerminal out = new dev.ioslab.testing.FakeTerminal();
                dev.ioslab.cli.SessionInfo info = new dev.ioslab.cli.SessionInfo("admin", 15, "ssh",
                        new InetSocketAddress("127.0.0.1", 50000), "vt100", 80, 24);
                copies.add(shell.exec(info, "copy /verify tftp://127.0.0.1:" + tftp + "/" + image + " flash0:", out)
                        .thenApply(status -> out.output()));
            }
            for (java.util.concurrent.CompletableFuture<String> copy : copies) {
                assertThat(copy.get(90, java.util.concurrent.TimeUnit.SECONDS))
                        .contains("Digital signature successfully verified in file flash0:/" + image);
            }
            byte[] served = Files.readAllBytes(dir.resolve("var/images/" + image));
            for (int i = 1; i <= DEVICES; i++) {
                assertThat(Files.readAllBytes(dir.resolve("var/devices/r" + i + "/flash0/" + image))).isEqualTo(served);
            }
        }
    }
}
