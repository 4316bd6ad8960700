package dev.ioslab.image.tool;

import dev.ioslab.image.ImageCheck;
import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.KeyState;
import dev.ioslab.image.LabKey;
import dev.ioslab.image.LabPki;
import dev.ioslab.image.StoredKey;
import dev.ioslab.image.TrustedKeys;
import dev.ioslab.image.VerificationPool;
import dev.ioslab.image.VerificationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;

/**
 * {@code ioslab check}: verifies signed images against the lab's public keys on a {@link VerificationPool}, exactly
 * as a device does, and reports each result and the time taken (also the benchmark's probe).
 */
@CommandLine.Command(name = "check", mixinStandardHelpOptions = true,
        header = "Verifies signed images against the lab keys, as a device does.",
        description = {"Verifies signed images as a device does, trusting every key of the lab PKI, and prints each"
                + " result (valid, invalid signature, hash mismatch, unknown key, not signed, malformed) and how long"
                + " the round took. Exit status 0 when every image is valid, 1 otherwise."},
        footer = {"", "Example:", "  java -jar target/ioslab.jar check var/images/*.bin"})
public final class CheckCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--pki", defaultValue = "var/pki", paramLabel = "DIR",
            description = "folder of the lab keys (default: ${DEFAULT-VALUE})")
    private Path pki;

    @CommandLine.Option(names = "--workers", paramLabel = "N",
            description = "verification workers (default: the number of images, at most the number of cores)")
    private Integer workers;

    @CommandLine.Option(names = "--md5", description = "also compute the MD5 of each whole file (IOS's CCO hash)")
    private boolean md5;

    @CommandLine.Option(names = "--repeat", defaultValue = "1", paramLabel = "N",
            description = "verify every image N times, one round after the other (default: ${DEFAULT-VALUE})")
    private int repeat;

    @CommandLine.Parameters(arity = "1..*", paramLabel = "IMAGE", description = "signed images")
    private List<Path> images;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ToolLogging.warningsOnly();
        PrintWriter out = spec.commandLine().getOut();
        LabPki lab;
        try {
            lab = LabPki.load(pki);
        } catch (IOException e) {
            spec.commandLine().getErr().println("check: " + e.getMessage());
            return 1;
        }
        TrustedKeys keys = (type, version) -> lab.find(type, version).map(LabKey::publicKey)
                .map(k -> new StoredKey(k, KeyState.ACTIVE));
        int cores = Runtime.getRuntime().availableProcessors();
        int n = workers != null ? Math.max(1, workers) : Math.max(1, Math.min(images.size(), cores));
        boolean allValid = true;
        try (VerificationPool pool = new VerificationPool(n)) {
            for (int round = 1; round <= Math.max(1, repeat); round++) {
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                List<CompletableFuture<VerificationResult>> results = new ArrayList<>();
                for (int i = 0; i < images.size(); i++) {
                    results.add(submit(pool, "image-" + i, images.get(i), keys));
                }
                long bytes = 0;
                for (int i = 0; i < images.size(); i++) {
                    Optional<VerificationResult> r = await(results.get(i), images.get(i));
                    allValid &= r.map(VerificationResult::isValid).orElse(false);
                    bytes += r.map(VerificationResult::fileBytes).orElse(0L);
                    if (round == 1 && r.isPresent()) {
                        out.println(images.get(i) + ": " + describe(r.get()));
                    }
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                double cpuMs = (processCpuNanos() - cpu0) / 1e6;
                out.printf(Locale.ROOT, "round %d: %d images, %.1f MiB in %.1f ms (%.0f MiB/s, %d workers%s,"
                                + " process cpu %.0f ms)%n", round, images.size(), bytes / 1048576.0, ms,
                        bytes / 1048576.0 / (ms / 1000), n, md5 ? ", SHA-512 and MD5" : ", SHA-512", cpuMs);
                out.flush();
            }
        }
        return allValid ? 0 : 1;
    }

    /** CPU time of the whole process (all threads), or -1 where the JVM does not tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private CompletableFuture<VerificationResult> submit(VerificationPool pool, String owner, Path image,
                                                         TrustedKeys keys) {
        try {
            FileChannel channel = FileChannel.open(image, StandardOpenOption.READ);
            ImageCheck check = md5 ? ImageCheck.signatureOnly().withMd5() : ImageCheck.signatureOnly();
            return pool.verifyImage(owner, channel, keys, check);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Optional<VerificationResult> await(CompletableFuture<VerificationResult> result, Path image)
            throws InterruptedException {
        try {
            return Optional.of(result.get());
        } catch (ExecutionException e) {
            spec.commandLine().getErr().println(image + ": cannot read (" + e.getCause().getMessage() + ")");
            return Optional.empty();
        }
    }

    private String describe(VerificationResult r) {
        StringBuilder sb = new StringBuilder(r.status().label());
        r.signature().ifPresent(s -> {
            ImageMetadata m = s.metadata();
            sb.append(" (").append(m.imageType().label()).append(" image for ").append(m.platform())
                    .append(", version ").append(m.version()).append(", ").append(m.keyType().label())
                    .append(" key ").append(m.keyVersion()).append(", serial ").append(s.signer().serialHex())
                    .append(')');
        });
        if (!r.detail().isEmpty()) {
            sb.append(": ").append(r.detail());
        }
        r.md5().ifPresent(h -> sb.append(", MD5 ").append(h));
        return sb.toString();
    }
}
