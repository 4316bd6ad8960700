package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.commands.CommandSets;
import dev.ioslab.image.VerificationPool;
import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path dir;

    /** Types a line and waits for the prompt: hashing completes on a pool thread. */
    static String run(CliTester t, String line) throws InterruptedException {
        String first = t.text(line);
        if (first.endsWith("R1#")) {
            return first;
        }
        t.terminal().awaitContains("R1#", 20_000);
        return first + t.terminal().take();
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    @Test
    void md5OfAFileWithProgressDots() throws Exception {
        CliTester t = FsFixture.tester(dir);
        byte[] image = FsFixture.random(9 * 1024 * 1024 + 17, 4);
        FsFixture.put(t, "flash0", "c3900.bin", image);
        String md5 = hex("MD5", image);
        String out = run(t, "verify /md5 flash0:c3900.bin\r");
        assertThat(out).isEqualTo("verify /md5 flash0:c3900.bin\r\n"
                + "..\r\n"
                + "MD5 of flash0:c3900.bin Done!\r\n"
                + "\r\n"
                + "verify /md5 (flash0:c3900.bin) = " + md5 + "\r\n"
                + "R1#");
        // Netmiko takes the first "= <hash>" of the output.
        Matcher m = Pattern.compile("=\\s+(\\S+)").matcher(out);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo(md5);
    }

    @Test
    void expectedHashMatchesOrNot() throws Exception {
        CliTester t = FsFixture.tester(dir);
        byte[] image = FsFixture.random(1000, 5);
        FsFixture.put(t, "flash0", "img.bin", image);
        String md5 = hex("MD5", image);
        assertThat(run(t, "verify /md5 flash0:/img.bin " + md5 + "\r")).isEqualTo(
                "verify /md5 flash0:/img.bin " + md5 + "\r\n"
                        + "\r\n"
                        + "MD5 of flash0:/img.bin Done!\r\n"
                        + "Verified (flash0:/img.bin) = " + md5 + "\r\n"
                        + "R1#");
        String wrong = "0".repeat(32);
        assertThat(run(t, "verify /md5 flash0:/img.bin " + wrong + "\r")).endsWith(
                "MD5 of flash0:/img.bin Done!\r\n"
                        + "%Error verifying flash0:/img.bin\r\n"
                        + "Computed signature = " + md5 + "\r\n"
                        + "Submitted signature = " + wrong + "\r\n"
                        + "R1#");
    }

    @Test
    void sha512() throws Exception {
        CliTester t = FsFixture.tester(dir);
        byte[] image = FsFixture.random(5000, 6);
        FsFixture.put(t, "flash0", "img.bin", image);
        assertThat(run(t, "verify /sha512 flash0:img.bin\r")).endsWith("SHA512 of flash0:img.bin Done!\r\n"
                + "\r\n"
                + "verify /sha512 (flash0:img.bin) = " + hex("SHA-512", image) + "\r\n"
                + "R1#");
    }

    @Test
    void emptyFileAndErrors() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "empty", new byte[0]);
        assertThat(run(t, "verify /md5 flash0:empty\r")).contains(
                "verify /md5 (flash0:empty) = d41d8cd98f00b204e9800998ecf8427e");
        assertThat(run(t, "verify /md5 flash0:missing\r")).isEqualTo("verify /md5 flash0:missing\r\n"
                + "%Error opening flash0:/missing (No such file or directory)\r\nR1#");
        assertThat(run(t, "verify /md5 flash0:../../etc/passwd\r")).contains(
                "%Error opening flash0:../../etc/passwd (Invalid argument)");
        assertThat(run(t, "verify /md5 nope:x\r")).contains("% Invalid input detected at '^' marker.");
    }

    @Test
    void ctrlCAbortsAHashWaitingForTheBusyPoolAtOnce() throws Exception {
        abortWhileThePoolIsBusy("verify /md5 flash0:c3900.bin\r", "verify /sha512 flash0:c3900.bin\r");
    }

    @Test
    void ctrlCAbortsASignatureReadWaitingForTheBusyPoolAtOnce() throws Exception {
        abortWhileThePoolIsBusy("show software authenticity file flash0:c3900.bin\r");
    }

    /** Each command queues behind another device's task on the pool's one worker; Ctrl-C gives the prompt back. */
    private void abortWhileThePoolIsBusy(String... commands) throws Exception {
        try (VerificationPool pool = new VerificationPool(1)) {
            CliTester t = CliTester.privileged(dir, CommandSets.standard(Runnable::run, pool));
            t.text("terminal length 0\r");
            FsFixture.put(t, "flash0", "c3900.bin", FsFixture.random(3 * 1024 * 1024, 9));
            // Another device's work holds the pool's only worker.
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch holding = new CountDownLatch(1);
            CompletableFuture<Object> other = pool.submit("R2", () -> {
                holding.countDown();
                release.await();
                return null;
            });
            holding.await();
            try {
                for (String command : commands) {
                    assertThat(t.text(command)).doesNotContain("R1#");
                    assertThat(pool.queueDepth()).isEqualTo(1);

                    String aborted = t.text("\u0003");

                    assertThat(aborted).endsWith("R1#").doesNotContain("Done!");
                    assertThat(pool.queueDepth()).isZero();
                }
                assertThat(t.text("show privilege\r")).contains("Current privilege level is 15");
            } finally {
                release.countDown();
            }
            other.get();
        }
    }
}
