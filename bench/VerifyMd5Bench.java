import dev.ioslab.cli.CommandCatalog;
import dev.ioslab.cli.DeviceShell;
import dev.ioslab.cli.SessionInfo;
import dev.ioslab.cli.ShellSession;
import dev.ioslab.cli.Terminal;
import dev.ioslab.commands.CommandSets;
import dev.ioslab.device.Device;
import dev.ioslab.device.Platform;
import dev.ioslab.image.VerificationPool;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): {@code verify /md5} of a 512 MiB file through a real CLI session of a real device, against
 * {@code md5sum} on the same file in the same run, both with a warm page cache. Prints both times and the ratio;
 * the issue's target is a ratio of at most 1.2. Run it with {@code bench/verify-md5.sh}.
 */
public final class VerifyMd5Bench {

    private static final long SIZE = 512L << 20;

    public static void main(String[] args) throws Exception {
        Path base = Files.createTempDirectory("ioslab-bench");
        ExecutorService fileIo = Executors.newFixedThreadPool(2);
        try (VerificationPool pool = new VerificationPool(Runtime.getRuntime().availableProcessors())) {
            CommandCatalog catalog = CommandSets.standard(fileIo, pool);
            Device device = new Device("bench", Platform.c3900("BENCH0000"), base, Clock.systemUTC());
            DeviceShell shell = new DeviceShell(device, catalog);
            Path file = base.resolve("usbflash0").resolve("big.bin");
            writeFile(file);
            String expected = md5sum(file);
            long md5sumNanos = Long.MAX_VALUE;
            long verifyNanos = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                md5sum(file);
                md5sumNanos = Math.min(md5sumNanos, System.nanoTime() - t0);
                long t1 = System.nanoTime();
                String out = verify(shell);
                verifyNanos = Math.min(verifyNanos, System.nanoTime() - t1);
                if (!out.contains("= " + expected)) {
                    throw new IllegalStateException("hash mismatch: " + out);
                }
            }
            double ratio = (double) verifyNanos / md5sumNanos;
            System.out.printf("md5sum:      %.3f s%nverify /md5: %.3f s%nratio:       %.2f (target <= 1.20) %s%n",
                    md5sumNanos / 1e9, verifyNanos / 1e9, ratio, ratio <= 1.2 ? "OK" : "SLOW");
        } finally {
            fileIo.shutdown();
            try (Stream<Path> walk = Files.walk(base)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void writeFile(Path file) throws Exception {
        byte[] block = new byte[1 << 20];
        Random random = new Random(1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
        }
    }

    private static String md5sum(Path file) throws Exception {
        Process p = new ProcessBuilder("md5sum", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        p.waitFor();
        return out.split("\\s+")[0];
    }

    private static String verify(DeviceShell shell) throws Exception {
        StringBuilder out = new StringBuilder();
        Terminal terminal = new Terminal() {
            @Override
            public void write(String text) {
                synchronized (out) {
                    out.append(text);
                    out.notifyAll();
                }
            }

            @Override
            public void close() {
                // Nothing to close.
            }
        };
        ShellSession session = shell.openShell(new SessionInfo("bench", 15, "bench", null, "vt100", 80, 24),
                terminal);
        session.start();
        byte[] line = "verify /md5 usbflash0:big.bin\r".getBytes(StandardCharsets.US_ASCII);
        session.receive(line, 0, line.length);
        synchronized (out) {
            while (!out.toString().matches("(?s).*verify /md5 \\(.*\\) = .*#")) {
                out.wait();
            }
        }
        session.disconnected();
        return out.toString();
    }
}
