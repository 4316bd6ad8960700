import dev.ioslab.imageserver.tftp.TftpServer;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark helper (not a test): runs ioslab's embedded TFTP server on 127.0.0.1 until standard input closes, for
 * {@code bench/tftp-server.sh}. Arguments: port folder. Prints {@code ready} once it listens.
 */
public final class TftpServerBench {

    public static void main(String[] args) throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try (TftpServer server = new TftpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), Path.of(args[1]), Optional.empty(), group, 64)) {
            server.start().get(10, TimeUnit.SECONDS);
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the script closes our input
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
