import dev.ioslab.fs.RemoteUrl;
import dev.ioslab.fs.UrlScheme;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferRequest;
import dev.ioslab.transfer.TransferSettings;
import dev.ioslab.transfer.TransferSink;
import dev.ioslab.transfer.tftp.TftpClient;
import dev.ioslab.transfer.tftp.TftpEventLoops;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark helper (not a test): ioslab's TFTP client in one warm JVM, driven line by line from standard input by
 * {@code bench/tftp-client.sh} so that its runs interleave with the other clients' under the same load. Each input
 * line {@code host port remote-file local-file blksize windowsize} downloads the file into the local file and prints
 * the seconds it took (or {@code FAIL <reason>}).
 */
public final class TftpClientBench {

    public static void main(String[] args) throws Exception {
        // The daemon's TFTP loops (epoll where available); -Dbench.transport=nio measures the NIO fallback.
        EventLoopGroup group = "nio".equals(System.getProperty("bench.transport"))
                ? new NioEventLoopGroup(1) : TftpEventLoops.create(1, new DefaultThreadFactory("tftp", true));
        try (BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            TftpClient client = new TftpClient(group);
            String line;
            while ((line = commands.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                try {
                    long cpu = cpu();
                    System.out.printf("%.4f%n", download(client, words) / 1e9);
                    // CPU seconds of the whole JVM for the download, a load-independent companion of the wall time.
                    System.err.printf("cpu %.4f blksize %s%n", (cpu() - cpu) / 1e9, words[4]);
                } catch (Exception failure) {
                    System.out.println("FAIL " + failure);
                }
                System.out.flush();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long download(TftpClient client, String[] words) throws Exception {
        InetSocketAddress server = new InetSocketAddress(words[0], Integer.parseInt(words[1]));
        TransferSettings settings = TransferSettings.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30))
                .withBlockSize(Integer.parseInt(words[4])).withWindowSize(Integer.parseInt(words[5]));
        RemoteUrl url = new RemoteUrl(UrlScheme.TFTP, Optional.empty(), Optional.empty(), Optional.of(words[0]),
                OptionalInt.of(server.getPort()), Optional.empty(), words[2]);
        TransferRequest request = new TransferRequest("bench", url, server,
                Optional.of(InetAddress.getByName(words[0])), Optional.empty(), settings);
        long start = System.nanoTime();
        try (FileChannel file = FileChannel.open(Path.of(words[3]), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            client.download(request, new FileSink(file), TransferListener.NONE).get(10, TimeUnit.MINUTES);
        }
        return System.nanoTime() - start;
    }

    private record FileSink(FileChannel file) implements TransferSink {
        @Override
        public void expectSize(long bytes) {
        }

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
        }
    }
}
