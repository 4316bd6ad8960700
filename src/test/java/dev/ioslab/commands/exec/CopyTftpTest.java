package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.commands.CommandSets;
import dev.ioslab.fs.UrlScheme;
import dev.ioslab.image.VerificationPool;
import dev.ioslab.testing.CliTester;
import dev.ioslab.transfer.TransferService;
import dev.ioslab.transfer.TransferSettings;
import dev.ioslab.transfer.tftp.ExternalTftpServer;
import dev.ioslab.transfer.tftp.TftpClient;
import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code copy tftp:} end to end: a device's CLI, its real TFTP client on Netty, and tftpd-hpa as the far end on
 * 127.0.0.1 (skipped where tftpd-hpa is missing or the tests do not run as root).
 */
@Timeout(120)
class CopyTftpTest {

    @TempDir
    static Path serverRoot;
    @TempDir
    Path dir;

    private static NioEventLoopGroup loops;
    private static VerificationPool pool;
    private static ExternalTftpServer server;

    @BeforeAll
    static void start() throws Exception {
        loops = new NioEventLoopGroup(2);
        pool = new VerificationPool(1);
        server = ExternalTftpServer.tftpdHpa(serverRoot, 200_000);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        pool.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private CliTester device() {
        TransferSettings settings = TransferSettings.defaults().withTimeouts(Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(5));
        TransferService transfers = new TransferService(Map.of(UrlScheme.TFTP, new TftpClient(loops)));
        return CliTester.privileged(dir, CommandSets.standard(Runnable::run, pool, transfers, settings));
    }

    private String url(String path) {
        return "tftp://127.0.0.1:" + server.address().getPort() + "/" + path;
    }

    @Test
    void downloadsAnImageAtTheConfiguredBlockSize() throws Exception {
        byte[] image = FsFixture.random(2 * 1024 * 1024 + 3, 31);
        Files.write(serverRoot.resolve("c3900.SPA.bin"), image);
        CliTester t = device();
        t.text("configure terminal\rip tftp blocksize 8192\rend\r");

        assertThat(t.text("copy " + url("c3900.SPA.bin") + " flash0:\r")).endsWith("Destination filename [c3900.SPA.bin]? ");
        String out = t.awaitText("\r", "R1#", 60_000);

        assertThat(out).contains("Accessing " + url("c3900.SPA.bin") + "...\r\nLoading c3900.SPA.bin from 127.0.0.1 "
                + "(via GigabitEthernet0/0): !")
                .contains("[OK - " + image.length + " bytes]\r\n\r\n" + image.length + " bytes copied in ");
        assertThat(Files.readAllBytes(dir.resolve("flash0/c3900.SPA.bin"))).isEqualTo(image);
    }

    @Test
    void missingFileIsReportedAsIosDoes() throws Exception {
        CliTester t = device();

        String out = t.awaitText("copy " + url("absent.bin") + " flash0:\r\r", "R1#", 60_000);

        assertThat(out).contains("%Error opening " + url("absent.bin") + " (No such file or directory)");
        assertThat(dir.resolve("flash0/absent.bin")).doesNotExist();
    }

    @Test
    void uploadsTheRunningConfigAndAFlashFile() throws Exception {
        CliTester t = device();
        byte[] image = FsFixture.random(70_000, 32);
        FsFixture.put(t, "flash0", "crash.txt", image);
        t.text("configure terminal\rfile prompt quiet\rend\r");

        String out = t.awaitText("copy flash0:crash.txt " + url("crash.txt") + "\r", "R1#", 60_000);
        assertThat(out).contains("!\r\n70000 bytes copied in ");
        assertThat(Files.readAllBytes(serverRoot.resolve("crash.txt"))).isEqualTo(image);

        t.awaitText("copy running-config " + url("r1-confg") + "\r", "R1#", 60_000);
        assertThat(Files.readString(serverRoot.resolve("r1-confg"))).contains("hostname R1");
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() throws Exception {
        CliTester t = device();
        int closedPort;
        try (java.net.DatagramSocket unused = new java.net.DatagramSocket(0,
                java.net.InetAddress.getLoopbackAddress())) {
            closedPort = unused.getLocalPort();
        }

        String out = t.awaitText("copy tftp://127.0.0.1:" + closedPort + "/x.bin flash0:\r\r", "R1#", 60_000);

        assertThat(out).contains("%Error opening tftp://127.0.0.1:" + closedPort + "/x.bin (Timed out)");
    }
}
