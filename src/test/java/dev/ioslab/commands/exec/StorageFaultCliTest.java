package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ioslab.commands.CommandSets;
import dev.ioslab.fs.FaultyWriteChannels;
import dev.ioslab.fs.HostFailure;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.SpaceUsage;
import dev.ioslab.fs.StorageFault;
import dev.ioslab.fs.UrlScheme;
import dev.ioslab.image.VerificationPool;
import dev.ioslab.testing.CliTester;
import dev.ioslab.testing.ScriptedTransferClient;
import dev.ioslab.transfer.TransferService;
import dev.ioslab.transfer.TransferSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * {@code copy} (local, and from FTP and TFTP servers through scripted clients) and {@code write memory} on a device
 * whose host disk fails, through the file-channel seam: IOS's text, one WARN line, nothing changed on disk.
 */
class StorageFaultCliTest {

    @TempDir
    Path dir;

    private final AtomicReference<StorageFault> fault = new AtomicReference<>();
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final ScriptedTransferClient ftp = new ScriptedTransferClient();
    private final ScriptedTransferClient tftp = new ScriptedTransferClient();
    private final VerificationPool pool = new VerificationPool(1);
    private CliTester t;

    @BeforeEach
    void setUp() {
        TransferService transfers = new TransferService(Map.of(UrlScheme.FTP, ftp, UrlScheme.TFTP, tftp));
        t = CliTester.privileged(dir, CommandSets.standard(Runnable::run, pool, transfers,
                TransferSettings.defaults()), new FaultyWriteChannels(destination -> Optional.ofNullable(fault.get())));
        t.text("terminal length 0\r");
        warnings.start();
        for (Class<?> type : List.of(WriteMemoryCommand.class, CopyReport.class)) {
            ((Logger) LoggerFactory.getLogger(type)).addAppender(warnings);
        }
    }

    @AfterEach
    void tearDown() {
        for (Class<?> type : List.of(WriteMemoryCommand.class, CopyReport.class)) {
            ((Logger) LoggerFactory.getLogger(type)).detachAppender(warnings);
        }
        pool.close();
    }

    @ParameterizedTest
    @CsvSource({"NO_SPACE, %Error copying flash0:/image.bin, Not enough space on device",
            "QUOTA_EXCEEDED, %Error copying flash0:/image.bin, Not enough space on device",
            "READ_ONLY, %Error writing usbflash0:/image.bin, Read-only file system",
            "IO_ERROR, %Error writing usbflash0:/image.bin, I/O error"})
    void copyIntoFlashPrintsTheHostCauseAndChangesNothing(HostFailure failure, String error, String cause)
            throws Exception {
        FsFixture.put(t, "flash0", "image.bin", FsFixture.random(100_000, 3));
        FsFixture.put(t, "usbflash0", "image.bin", "old");
        Map<String, Long> before = snapshot(dir.resolve("usbflash0"));
        SpaceUsage spaceBefore = FsFixture.fs(t, "usbflash0").space();
        fault.set(new StorageFault(failure, 10_000));

        String out = t.text("copy /noverify flash0:image.bin usbflash0:image.bin\r\r\r");

        assertThat(out).endsWith("\r\n" + error + " (" + cause + ")\r\nR1#");
        assertThat(snapshot(dir.resolve("usbflash0"))).isEqualTo(before);
        assertThat(FsFixture.fs(t, "usbflash0").space()).isEqualTo(spaceBefore);
        assertThat(read("usbflash0", "image.bin")).isEqualTo("old");
        assertThat(warnings()).singleElement().asString()
                .contains("R1", "flash0:/image.bin to usbflash0:/image.bin", "admin", cause);
    }

    @ParameterizedTest
    @CsvSource({"ftp, NO_SPACE, %Error copying ftp://*:*@127.0.0.1/image.bin, Not enough space on device",
            "tftp, QUOTA_EXCEEDED, %Error copying tftp://127.0.0.1/image.bin, Not enough space on device",
            "ftp, READ_ONLY, %Error writing flash0:/image.bin, Read-only file system",
            "tftp, IO_ERROR, %Error writing flash0:/image.bin, I/O error"})
    void copyFromAServerPrintsTheHostCauseWarnsOnceAndChangesNothing(String scheme, HostFailure failure,
                                                                     String error, String cause) throws Exception {
        FsFixture.put(t, "flash0", "image.bin", "old");
        Map<String, Long> before = snapshot(dir.resolve("flash0"));
        SpaceUsage spaceBefore = FsFixture.fs(t, "flash0").space();
        (scheme.equals("ftp") ? ftp : tftp).serving(FsFixture.random(100_000, 4), false);
        fault.set(new StorageFault(failure, 30_000));
        String url = scheme.equals("ftp") ? "ftp://u:secret@127.0.0.1/image.bin" : "tftp://127.0.0.1/image.bin";

        String out = t.text("copy " + url + " flash0:image.bin\r\r\r");

        assertThat(out.substring(out.indexOf("\r\n"))).contains(error + " (" + cause + ")\r\nR1#")
                .doesNotContain("secret");
        assertThat(snapshot(dir.resolve("flash0"))).isEqualTo(before);
        assertThat(FsFixture.fs(t, "flash0").space()).isEqualTo(spaceBefore);
        assertThat(read("flash0", "image.bin")).isEqualTo("old");
        assertThat(warnings()).singleElement().asString()
                .contains("R1", "flash0:/image.bin", "admin", cause).doesNotContain("secret");
    }

    @ParameterizedTest
    @CsvSource({"NO_SPACE", "IO_ERROR"})
    void copyIntoFlashThatSucceedsLogsNoWarning(HostFailure failure) throws Exception {
        FsFixture.put(t, "flash0", "image.bin", FsFixture.random(1_000, 5));
        fault.set(new StorageFault(failure, 10_000));

        assertThat(t.text("copy /noverify flash0:image.bin usbflash0:image.bin\r\r\r")).contains("bytes copied");

        assertThat(warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"NO_SPACE, Not enough space on device", "READ_ONLY, Read-only file system", "IO_ERROR, I/O error"})
    void writeMemoryPrintsTheHostCauseKeepsTheOldConfigAndWarnsOnce(HostFailure failure, String cause)
            throws Exception {
        assertThat(t.text("write memory\r")).endsWith("[OK]\r\nR1#");
        String saved = read("nvram", "startup-config");
        Map<String, Long> before = snapshot(dir.resolve("nvram"));
        t.shell().replayConfig("hostname CHANGED\n");
        fault.set(new StorageFault(failure, 10));

        assertThat(t.text("write memory\r")).isEqualTo("write memory\r\nBuilding configuration...\r\n"
                + "%Error: startup-config file open failed (" + cause + ")\r\nCHANGED#");

        assertThat(read("nvram", "startup-config")).isEqualTo(saved);
        assertThat(snapshot(dir.resolve("nvram"))).isEqualTo(before);
        assertThat(warnings()).singleElement().asString().contains("R1", "nvram:startup-config", "admin", cause);

        fault.set(null);
        assertThat(t.text("write memory\r")).endsWith("[OK]\r\nCHANGED#");
        assertThat(read("nvram", "startup-config")).contains("hostname CHANGED");
    }

    private List<String> warnings() {
        return warnings.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private String read(String fs, String path) throws Exception {
        IosFileSystem f = FsFixture.fs(t, fs);
        try (InputStream in = f.openInputStream(f.resolve(path))) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Every host file under a file system's folder, hidden ones included, with its size. */
    private static Map<String, Long> snapshot(Path folder) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString(), Files.size(p));
            }
        }
        return files;
    }
}
