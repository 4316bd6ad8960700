package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.device.PowerControl;
import dev.ioslab.image.SoftwareKey;
import dev.ioslab.testing.CliTester;
import dev.ioslab.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code file verify auto} and {@code reload /verify}: signatures are checked without being asked each time. */
class FileVerifyAutoTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<String> reloads = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private CliTester tester() throws Exception {
        CliTester t = FsFixture.tester(dir);
        for (SoftwareKey k : TestPki.lab().factoryKeys()) {
            t.device().softwareAuthenticity().keys().addKey(k);
        }
        PowerControl recording = (device, reason) -> reloads.add(reason);
        t.device().attach(recording, scheduler);
        return t;
    }

    @Test
    void fileVerifyAutoMakesEveryCopyVerifyUnlessNoverify() throws Exception {
        CliTester t = tester();
        FsFixture.put(t, "flash0", "plain.bin", FsFixture.random(3000, 1));
        t.text("configure terminal\rfile verify auto\rfile prompt quiet\rend\r");
        assertThat(t.text("show running-config | include file\r")).contains("file verify auto");

        String checked = VerifyCommandTest.run(t, "copy flash0:plain.bin usbflash0:\r");
        assertThat(checked).contains("%ERROR: Aborting copy.");
        assertThat(dir.resolve("usbflash0/plain.bin")).doesNotExist();

        String unchecked = VerifyCommandTest.run(t, "copy /noverify flash0:plain.bin usbflash0:\r");
        assertThat(unchecked).doesNotContain("Verifying").contains("bytes copied");
        assertThat(dir.resolve("usbflash0/plain.bin")).exists();
    }

    @Test
    void reloadVerifyChecksTheBootImageFirst() throws Exception {
        CliTester t = tester();
        FsFixture.put(t, "flash0", "good.SPA.bin", TestPki.production(FsFixture.random(5000, 2)));
        FsFixture.put(t, "flash0", "bad.SPA.bin", FsFixture.random(5000, 3));
        t.text("configure terminal\rboot system flash0:bad.SPA.bin\rend\rwrite memory\r");

        String refused = VerifyCommandTest.run(t, "reload /verify\r");
        assertThat(refused).contains("Verifying file integrity of flash0:/bad.SPA.bin")
                .contains("%ERROR: Reload aborted: the boot image did not verify.").doesNotContain("[confirm]");
        assertThat(reloads).isEmpty();

        t.text("configure terminal\rno boot system\rboot system flash0:good.SPA.bin\rend\rwrite memory\r");
        String verified = t.text("reload /verify\r");
        if (!verified.contains("[confirm]")) {
            // The check runs on the pool: the question may come with the command's output or after it.
            verified += t.terminal().awaitContains("[confirm]", 20_000);
        }
        t.terminal().take();
        assertThat(verified).contains("Digital signature successfully verified in file flash0:/good.SPA.bin")
                .contains("Signature Verified").endsWith("Proceed with reload? [confirm]");
        t.text("\r");
        // The confirmation may be taken by the pool thread that asked it (type-ahead): wait for it, bounded.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (reloads.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(reloads).containsExactly("Reload Command");
    }

    @Test
    void reloadVerifyReadsAnOldSyntaxBootSystemEntryAsBootDoes() throws Exception {
        CliTester t = tester();
        FsFixture.put(t, "flash0", "good.SPA.bin", TestPki.production(FsFixture.random(5000, 4)));
        t.text("configure terminal\rboot system flash good.SPA.bin\rend\rwrite memory\r");

        String verified = t.text("reload /verify\r");
        if (!verified.contains("[confirm]") && !verified.endsWith("R1#")) {
            verified += t.terminal().awaitContains("[confirm]", 20_000);
        }
        t.terminal().take();
        // "boot system flash FILE" is the old syntax of "boot system flash:FILE", as boot itself reads it.
        assertThat(verified).contains("Verifying file integrity of flash:/good.SPA.bin")
                .contains("Signature Verified").endsWith("Proceed with reload? [confirm]");
    }
}
