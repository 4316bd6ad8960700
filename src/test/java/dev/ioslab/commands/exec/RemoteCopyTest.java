package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.commands.CommandSets;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.UrlScheme;
import dev.ioslab.image.VerificationPool;
import dev.ioslab.testing.CliTester;
import dev.ioslab.testing.HoldingExecutor;
import dev.ioslab.testing.ScriptedTransferClient;
import dev.ioslab.transfer.Credentials;
import dev.ioslab.transfer.TransferClient;
import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferRequest;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.TransferService;
import dev.ioslab.transfer.TransferSettings;
import dev.ioslab.transfer.TransferSink;
import dev.ioslab.transfer.TransferSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code copy} to and from servers, through a scripted client (no network): IOS's questions, the Accessing/Loading/
 * [OK] lines, credentials never shown, every failure leaving flash exactly as before, Ctrl-C aborting at once.
 */
class RemoteCopyTest {

    @TempDir
    Path dir;

    private final ScriptedTransferClient ftp = new ScriptedTransferClient();
    private final ScriptedTransferClient tftp = new ScriptedTransferClient();
    private final VerificationPool pool = new VerificationPool(1);

    @AfterEach
    void closePool() {
        pool.close();
    }

    private CliTester tester() {
        TransferService transfers = new TransferService(Map.of(UrlScheme.FTP, ftp, UrlScheme.TFTP, tftp));
        return CliTester.privileged(dir, CommandSets.standard(Runnable::run, pool, transfers,
                TransferSettings.defaults()));
    }

    @Test
    void tftpDownloadPrintsIosLinesAndWritesTheFile() throws Exception {
        byte[] image = FsFixture.random(52_000, 1);
        tftp.serving(image, true);
        CliTester t = tester();

        assertThat(t.text("copy tftp://127.0.0.1/c3900.bin flash0:\r")).endsWith("Destination filename [c3900.bin]? ");
        String out = t.text("\r");

        assertThat(out).startsWith("\r\nAccessing tftp://127.0.0.1/c3900.bin...\r\n"
                + "Loading c3900.bin from 127.0.0.1 (via GigabitEthernet0/0): !!!!!!!!!!!\r\n"
                + "[OK - 52000 bytes]\r\n\r\n52000 bytes copied in ")
                .endsWith(" bytes/sec)\r\nR1#");
        assertThat(Files.readAllBytes(dir.resolve("flash0/c3900.bin"))).isEqualTo(image);
        TransferRequest request = tftp.requests().get(0);
        assertThat(request.url().path()).isEqualTo("c3900.bin");
        assertThat(request.server().getPort()).isEqualTo(69);
        assertThat(request.credentials()).isEmpty();
    }

    @Test
    void ftpDownloadMasksCredentialsAndLogsInWithTheUrls() {
        ftp.serving("hello".getBytes(StandardCharsets.US_ASCII), true);
        CliTester t = tester();
        t.text("configure terminal\rfile prompt quiet\rend\r");

        String out = t.text("copy ftp://bob:s3cret@127.0.0.1:2121//pub/a.cfg flash0:\r");

        String afterEcho = out.substring(out.indexOf("\r\n"));
        assertThat(afterEcho).contains("Accessing ftp://127.0.0.1:2121//pub/a.cfg...\r\nLoading /pub/a.cfg !\r\n"
                + "[OK - 5/4096 bytes]\r\n\r\n5 bytes copied in ").doesNotContain("s3cret").doesNotContain("bob");
        TransferRequest request = ftp.requests().get(0);
        assertThat(request.credentials()).contains(new Credentials("bob", "s3cret"));
        assertThat(request.server().getPort()).isEqualTo(2121);
        assertThat(request.url().path()).isEqualTo("/pub/a.cfg");
        assertThat(request.settings().passive()).isTrue();
    }

    @Test
    void ftpLoginComesFromTheConfigurationWhenTheUrlHasNone() {
        ftp.serving(new byte[10], true);
        CliTester t = tester();
        t.text("configure terminal\rip ftp username ops\rip ftp password opspass\rno ip ftp passive\r"
                + "file prompt quiet\rend\r");

        t.text("copy ftp://127.0.0.1/x.bin flash0:\r");

        TransferRequest request = ftp.requests().get(0);
        assertThat(request.credentials()).contains(new Credentials("ops", "opspass"));
        assertThat(request.settings().passive()).isFalse();
    }

    @Test
    void anonymousLoginUsesTheFormedPassword() {
        ftp.serving(new byte[10], true);
        CliTester t = tester();
        t.text("configure terminal\rip domain name lab.example\rfile prompt quiet\rend\r");

        t.text("copy ftp://127.0.0.1/x.bin flash0:\r");

        assertThat(ftp.requests().get(0).credentials()).contains(new Credentials("anonymous", "admin@R1.lab.example"));
    }

    @Test
    void bareSchemeAsksHostAndSourceThenDestination() {
        tftp.serving(new byte[100], true);
        CliTester t = tester();

        assertThat(t.text("copy tftp: flash0:\r")).endsWith("Address or name of remote host []? ");
        assertThat(t.text("127.0.0.1\r")).endsWith("Source filename []? ");
        assertThat(t.text("dir/img.bin\r")).endsWith("Destination filename [img.bin]? ");
        assertThat(t.text("\r")).contains("Accessing tftp://127.0.0.1/dir/img.bin...").contains("[OK - 100 bytes]");
        assertThat(dir.resolve("flash0/img.bin")).hasSize(100);
    }

    @Test
    void emptyHostAnswerIsRefused() {
        CliTester t = tester();
        t.text("copy tftp: flash0:\r");
        assertThat(t.text("\r")).contains("%Error parsing filename (Host name or address not specified)");
        assertThat(tftp.requests()).isEmpty();
    }

    @Test
    void timeoutBeforeDataIsAnOpeningErrorAndFlashIsUnchanged() throws Exception {
        tftp.failing(new TransferException(TransferError.TIMED_OUT, false, "no answer"), 0);
        CliTester t = tester();
        Map<String, Long> before = snapshot(t);
        long free = flash(t).space().free();

        String out = t.text("copy tftp://127.0.0.1/a.bin flash0:\r\r");

        assertThat(out).contains("Accessing tftp://127.0.0.1/a.bin...\r\n%Error opening tftp://127.0.0.1/a.bin "
                + "(Timed out)\r\nR1#");
        assertThat(snapshot(t)).isEqualTo(before);
        assertThat(flash(t).space().free()).isEqualTo(free);
    }

    @Test
    void failureMidTransferIsAReadingErrorAndLeavesNothing() throws Exception {
        ftp.serving(FsFixture.random(200_000, 2), true)
                .failing(new TransferException(TransferError.CONNECTION_CLOSED, true, "data closed"), 90_000);
        CliTester t = tester();
        Map<String, Long> before = snapshot(t);
        long free = flash(t).space().free();

        String out = t.text("copy ftp://u:p@127.0.0.1/a.bin flash0:\r\r");

        assertThat(out).contains("Loading a.bin !!")
                .contains("%Error reading ftp://*:*@127.0.0.1/a.bin (Connection closed by remote host)");
        assertThat(snapshot(t)).isEqualTo(before);
        assertThat(flash(t).space().free()).isEqualTo(free);
    }

    @Test
    void announcedSizeAboveFreeSpaceIsRefusedBeforeAnyByteIsWritten() throws Exception {
        CliTester t = tester();
        long free = flash(t).space().free();
        ftp.serving(new byte[1000], true).announcing(free + 1);
        Map<String, Long> before = snapshot(t);

        String out = t.text("copy ftp://u:p@127.0.0.1/huge.bin flash0:\r\r");

        assertThat(out).contains("%Error copying ftp://*:*@127.0.0.1/huge.bin (Not enough space on device)")
                .doesNotContain("Loading");
        assertThat(snapshot(t)).isEqualTo(before);
        assertThat(flash(t).space().free()).isEqualTo(free);
    }

    @Test
    void ctrlCAbortsATransferAtOnceAndLeavesNothing() throws Exception {
        tftp.serving(FsFixture.random(100_000, 3), true).stalling();
        CliTester t = tester();
        Map<String, Long> before = snapshot(t);
        long free = flash(t).space().free();

        String running = t.text("copy tftp://127.0.0.1/a.bin flash0:\r\r");
        assertThat(running).endsWith("(via GigabitEthernet0/0): !").doesNotContain("R1#");
        assertThat(tftp.pending()).isNotDone();

        String aborted = t.text("\u0003");

        assertThat(tftp.pending()).isCancelled();
        assertThat(aborted).contains("%Error reading tftp://127.0.0.1/a.bin (Aborted)").endsWith("R1#");
        assertThat(snapshot(t)).isEqualTo(before);
        assertThat(flash(t).space().free()).isEqualTo(free);
        assertThat(t.text("show privilege\r")).contains("Current privilege level is 15");
    }

    @Test
    void uploadAsksHostAndNameAndSendsTheFile() {
        CliTester t = tester();
        byte[] image = FsFixture.random(30_000, 4);
        FsFixture.put(t, "flash0", "img.bin", image);

        assertThat(t.text("copy flash0:img.bin ftp://127.0.0.1/\r"))
                .endsWith("Address or name of remote host [127.0.0.1]? ");
        assertThat(t.text("\r")).endsWith("Destination filename [img.bin]? ");
        String out = t.text("\r");

        assertThat(out).startsWith("\r\nWriting img.bin !").contains("30000 bytes copied in ").endsWith("R1#");
        assertThat(ftp.uploaded()).isEqualTo(image);
        assertThat(ftp.requests().get(0).url().path()).isEqualTo("img.bin");
    }

    @Test
    void runningConfigUploadDefaultsToHostnameConfg() {
        CliTester t = tester();
        t.text("copy running-config tftp://127.0.0.1\r");
        assertThat(t.text("\r")).endsWith("Destination filename [r1-confg]? ");
        String out = t.text("\r");

        assertThat(out).contains("!\r\n").contains(" bytes copied in ");
        assertThat(new String(tftp.uploaded(), StandardCharsets.ISO_8859_1)).contains("hostname R1");
        assertThat(tftp.requests().get(0).url().path()).isEqualTo("r1-confg");
    }

    @Test
    void configFromAServerIsMergedIntoTheRunningConfig() {
        tftp.serving("hostname EDGE1\n".getBytes(StandardCharsets.ISO_8859_1), true);
        CliTester t = tester();

        assertThat(t.text("copy tftp://127.0.0.1/edge.cfg running-config\r"))
                .endsWith("Destination filename [running-config]? ");
        String out = t.text("\r");

        assertThat(out).contains("[OK - 15 bytes]").endsWith("EDGE1#");
        assertThat(t.device().config().hostname()).isEqualTo("EDGE1");
    }

    @Test
    void bareFileSystemSourceAsksForTheSourceFilenameBeforeTheHost() {
        CliTester t = tester();
        byte[] image = FsFixture.random(30_000, 5);
        FsFixture.put(t, "flash0", "img.bin", image);

        assertThat(t.text("copy flash0: ftp:\r")).endsWith("Source filename []? ");
        assertThat(t.text("img.bin\r")).endsWith("Address or name of remote host []? ");
        assertThat(t.text("127.0.0.1\r")).endsWith("Destination filename [img.bin]? ");
        String out = t.text("\r");

        assertThat(out).startsWith("\r\nWriting img.bin !").contains("30000 bytes copied in ").endsWith("R1#");
        assertThat(ftp.uploaded()).isEqualTo(image);
    }

    @Test
    void downloadUrlWithoutAPathAsksForTheHostAsWell() {
        ftp.serving(new byte[100], true);
        CliTester t = tester();

        assertThat(t.text("copy ftp://u:p@127.0.0.1 flash0:\r"))
                .endsWith("Address or name of remote host [127.0.0.1]? ");
        assertThat(t.text("\r")).endsWith("Source filename []? ");
        assertThat(t.text("dir/img.bin\r")).endsWith("Destination filename [img.bin]? ");
        assertThat(t.text("\r")).contains("Accessing ftp://127.0.0.1/dir/img.bin...")
                .contains("[OK - 100/4096 bytes]");
        assertThat(dir.resolve("flash0/img.bin")).hasSize(100);
    }

    @Test
    void ctrlCWhileTheHostNameResolvesAbortsAndLeavesNothing() throws Exception {
        // The file-I/O executor holds its tasks once the copy starts: the flash work is run by the test, the name
        // lookup never (it never reaches a resolver).
        HoldingExecutor fileIo = new HoldingExecutor();
        TransferService transfers = new TransferService(Map.of(UrlScheme.FTP, ftp));
        CliTester t = CliTester.privileged(dir, CommandSets.standard(fileIo, pool, transfers,
                TransferSettings.defaults()));
        t.text("configure terminal\rfile prompt quiet\rend\r");
        Map<String, Long> before = snapshot(t);
        long free = flash(t).space().free();

        fileIo.hold();
        String running = t.text("copy ftp://u:p@ftp-server.invalid/a.bin flash0:\r");
        assertThat(running).doesNotContain("R1#");
        assertThat(fileIo.held()).isEqualTo(2);
        fileIo.runNext();

        String aborted = t.text("\u0003");

        assertThat(aborted).contains("%Error").contains("(Aborted)").endsWith("R1#");
        assertThat(ftp.requests()).isEmpty();
        assertThat(snapshot(t)).isEqualTo(before);
        assertThat(flash(t).space().free()).isEqualTo(free);
    }

    @Test
    void ipHostNamesMatchWhateverTheirCase() {
        ftp.serving(new byte[10], true);
        CliTester t = tester();
        t.text("configure terminal\rno ip domain lookup\rip host FtpServer 127.0.0.1\rfile prompt quiet\rend\r");

        String out = t.text("copy ftp://u:p@ftpserver/a.bin flash0:\r");

        assertThat(out).contains("[OK - 10/4096 bytes]");
        assertThat(ftp.requests().get(0).server().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void aConfigFromAServerIsMergedOffTheThreadThatEndedTheTransfer() throws Exception {
        // The client's future completes on its event loop; the merge (up to 4 MiB through the parser) must not run
        // there. File-I/O tasks are held until the test runs them.
        CompletableFuture<TransferResult> transfer = new CompletableFuture<>();
        TransferClient client = new TransferClient() {
            @Override
            public CompletableFuture<TransferResult> download(TransferRequest request, TransferSink sink,
                                                              TransferListener listener) {
                try {
                    sink.write(ByteBuffer.wrap("hostname EDGE1\n".getBytes(StandardCharsets.ISO_8859_1)));
                } catch (IOException e) {
                    return CompletableFuture.failedFuture(e);
                }
                listener.started(request.server());
                return transfer;
            }

            @Override
            public CompletableFuture<TransferResult> upload(TransferRequest request, TransferSource source,
                                                            TransferListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        HoldingExecutor fileIo = new HoldingExecutor();
        CliTester t = CliTester.privileged(dir, CommandSets.standard(fileIo, pool,
                new TransferService(Map.of(UrlScheme.FTP, client)), TransferSettings.defaults()));
        t.text("configure terminal\rfile prompt quiet\rend\r");
        fileIo.hold();
        t.text("copy ftp://127.0.0.1/edge.cfg running-config\r");

        transfer.complete(new TransferResult(15, new InetSocketAddress("127.0.0.1", 21)));

        assertThat(t.device().config().hostname()).isEqualTo("R1");
        assertThat(fileIo.held()).isPositive();
        fileIo.runAll();
        assertThat(t.device().config().hostname()).isEqualTo("EDGE1");
        assertThat(t.text("")).contains("[OK - 15/4096 bytes]").endsWith("EDGE1#");
    }

    @Test
    void ctrlCBeforeAnUploadStartsSaysTheRemoteFileWasBeingWritten() {
        HoldingExecutor fileIo = new HoldingExecutor();
        CliTester t = CliTester.privileged(dir, CommandSets.standard(fileIo, pool,
                new TransferService(Map.of(UrlScheme.FTP, ftp)), TransferSettings.defaults()));
        t.text("configure terminal\rfile prompt quiet\rend\r");
        FsFixture.put(t, "flash0", "img.bin", new byte[100]);
        fileIo.hold();
        t.text("copy flash0:img.bin ftp://u:p@ftp-server.invalid/img.bin\r");
        assertThat(fileIo.held()).isEqualTo(1);

        String aborted = t.text("\u0003");

        assertThat(aborted).contains("%Error writing ftp://*:*@ftp-server.invalid/img.bin (Aborted)").endsWith("R1#");
        assertThat(ftp.requests()).isEmpty();
    }

    @Test
    void schemesWithoutAClientGetTheCaret() {
        CliTester t = tester();
        assertThat(t.text("copy scp://u@127.0.0.1/x flash0:\r")).contains("% Invalid input detected at '^' marker.");
    }

    private IosFileSystem flash(CliTester t) {
        return FsFixture.fs(t, "flash0");
    }

    /** The host files of flash0: (the device's storage is opened first: a fresh device has no folder yet). */
    private Map<String, Long> snapshot(CliTester t) throws Exception {
        t.device().fileSystems();
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir.resolve("flash0"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (!p.getFileName().toString().equals(".ioslab-index")) {
                    files.put(dir.resolve("flash0").relativize(p).toString(), Files.size(p));
                }
            }
        }
        return files;
    }
}
