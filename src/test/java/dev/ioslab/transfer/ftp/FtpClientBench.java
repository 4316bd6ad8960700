package dev.ioslab.transfer.ftp;

import dev.ioslab.fs.RemoteUrl;
import dev.ioslab.fs.UrlScheme;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferRequest;
import dev.ioslab.transfer.TransferSettings;
import dev.ioslab.transfer.TransferSink;
import dev.ioslab.transfer.TransferSource;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark, not a test (run by {@code bench/ftp-client.sh}): downloads and uploads files of the given sizes (MiB)
 * between a vsftpd on 127.0.0.1 and local files, through {@link FtpClient} and through {@code curl}, alternating,
 * five runs each by default; prints the medians in MB/s, the ratio client/curl, and the client's peak heap.
 */
public final class FtpClientBench {

    /** Runs per tool, direction and size ({@code -Dbench.runs=N}); the median is reported. */
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final long TRANSFER_LIMIT_SECONDS = 180;
    private static final double MB = 1_000_000.0;

    private FtpClientBench() {
    }

    public static void main(String[] args) throws Exception {
        String missing = Vsftpd.unavailableReason();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("cannot run: " + missing);
        }
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            sizes.add(Integer.parseInt(arg));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(64, 512);
        }
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        Path work = Files.createTempDirectory("ioslab-ftp-bench-");
        try (Vsftpd vsftpd = Vsftpd.start(true)) {
            FtpClient client = new FtpClient(group);
            System.out.printf("%-9s %8s %11s %11s %7s %14s%n", "direction", "MiB", "client_MBps", "curl_MBps",
                    "ratio", "heap_peak_MiB");
            for (int mib : sizes) {
                String name = "bench-" + mib + ".bin";
                Path served = vsftpd.anonymousRoot().resolve(name);
                fill(served, (long) mib << 20);
                Files.setPosixFilePermissions(served, PosixFilePermissions.fromString("rw-r--r--"));
                Path local = work.resolve("local-" + mib + ".bin");
                fill(local, (long) mib << 20);
                warmUp(vsftpd, client, work, name, local);
                measure("download", mib, vsftpd, client, work, served, local, name);
                measure("upload", mib, vsftpd, client, work, served, local, name);
                Files.delete(served);
                Files.delete(local);
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            Files.deleteIfExists(work);
        }
    }

    private static void measure(String direction, int mib, Vsftpd vsftpd, FtpClient client, Path work, Path served,
                                Path local, String name) throws Exception {
        long bytes = (long) mib << 20;
        List<Double> ours = new ArrayList<>();
        List<Double> curls = new ArrayList<>();
        long heapPeak = 0;
        for (int run = 0; run < RUNS; run++) {
            boolean download = direction.equals("download");
            String upName = "incoming/" + name + "-" + run;
            Path uploaded = vsftpd.anonymousRoot().resolve(upName);
            Path received = work.resolve("received.bin");
            // curl first on even runs, the client first on odd ones, so neither always gets the warmer cache.
            for (int turn = 0; turn < 2; turn++) {
                boolean clientTurn = (turn + run) % 2 == 1;
                System.gc();
                resetHeapPeaks();
                long start = System.nanoTime();
                if (clientTurn) {
                    TransferRequest request = request(vsftpd.port(), download ? name : upName);
                    if (download) {
                        try (FileChannel out = FileChannel.open(received, StandardOpenOption.CREATE,
                                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                            client.download(request, fileSink(out), TransferListener.NONE)
                                    .get(TRANSFER_LIMIT_SECONDS, TimeUnit.SECONDS);
                        }
                    } else {
                        try (FileChannel in = FileChannel.open(local, StandardOpenOption.READ)) {
                            client.upload(request, fileSource(in), TransferListener.NONE)
                                    .get(TRANSFER_LIMIT_SECONDS, TimeUnit.SECONDS);
                        }
                    }
                    ours.add(bytes / MB / seconds(start));
                    heapPeak = Math.max(heapPeak, heapPeak());
                } else {
                    String url = "ftp://127.0.0.1:" + vsftpd.port() + "/" + (download ? name : upName);
                    List<String> command = download
                            ? List.of("curl", "-sS", "--fail", "--max-time", "" + TRANSFER_LIMIT_SECONDS, "-o",
                                    received.toString(), url)
                            : List.of("curl", "-sS", "--fail", "--max-time", "" + TRANSFER_LIMIT_SECONDS, "-T",
                                    local.toString(), url);
                    Process curl = new ProcessBuilder(command).inheritIO().start();
                    if (!curl.waitFor(TRANSFER_LIMIT_SECONDS + 10, TimeUnit.SECONDS) || curl.exitValue() != 0) {
                        curl.destroyForcibly();
                        throw new IOException("curl failed: " + command);
                    }
                    curls.add(bytes / MB / seconds(start));
                }
                Path result = download ? received : uploaded;
                long mismatch = Files.mismatch(download ? served : local, result);
                if (mismatch != -1) {
                    throw new IOException(direction + " run " + run + " differs at byte " + mismatch);
                }
                Files.delete(result);
            }
        }
        System.out.printf("%s %d MiB runs (MB/s): client %s, curl %s%n", direction, mib, rounded(ours),
                rounded(curls));
        double clientRate = median(ours);
        double curl = median(curls);
        System.out.printf("%-9s %8d %11.1f %11.1f %7.2f %14.1f%n", direction, mib, clientRate, curl, clientRate / curl,
                heapPeak / 1048576.0);
    }

    /** One untimed round trip each way, so the JIT has compiled the client's hot paths before timing starts. */
    private static void warmUp(Vsftpd vsftpd, FtpClient client, Path work, String name, Path local)
            throws Exception {
        Path received = work.resolve("warm-up.bin");
        try (FileChannel out = FileChannel.open(received, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            client.download(request(vsftpd.port(), name), fileSink(out), TransferListener.NONE)
                    .get(TRANSFER_LIMIT_SECONDS, TimeUnit.SECONDS);
        }
        Files.delete(received);
        String upName = "incoming/warm-up-" + name;
        try (FileChannel in = FileChannel.open(local, StandardOpenOption.READ)) {
            client.upload(request(vsftpd.port(), upName), fileSource(in), TransferListener.NONE)
                    .get(TRANSFER_LIMIT_SECONDS, TimeUnit.SECONDS);
        }
        Files.delete(vsftpd.anonymousRoot().resolve(upName));
    }

    private static TransferRequest request(int port, String path) {
        RemoteUrl url = new RemoteUrl(UrlScheme.FTP, Optional.empty(), Optional.empty(), Optional.of("127.0.0.1"),
                OptionalInt.of(port), Optional.empty(), path);
        return new TransferRequest("bench", url, new InetSocketAddress(FtpRequests.LOOPBACK, port),
                Optional.empty(), Optional.empty(), TransferSettings.defaults());
    }

    private static TransferSink fileSink(FileChannel out) {
        return new TransferSink() {
            @Override
            public void expectSize(long bytes) {
                // The benchmark has room for anything.
            }

            @Override
            public void write(ByteBuffer bytes) throws IOException {
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
        };
    }

    private static TransferSource fileSource(FileChannel in) throws IOException {
        long size = in.size();
        return new TransferSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public int read(ByteBuffer buffer) throws IOException {
                return in.read(buffer);
            }
        };
    }

    private static void fill(Path file, long size) throws IOException {
        byte[] block = new byte[1 << 20];
        new Random(size).nextBytes(block);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            for (long written = 0; written < size; written += block.length) {
                block[0] = (byte) (written >> 20);
                ByteBuffer buffer = ByteBuffer.wrap(block);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            // On disk before timing starts, so no write-back of the test files competes with the runs.
            out.force(true);
        }
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
