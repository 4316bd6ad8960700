import dev.ioslab.imageserver.ftp.FtpImageServer;
import dev.ioslab.imageserver.ftp.PassivePortRange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the embedded FTP image repository for bench/ftp-server.sh: {@code FtpServerBench <port> <root> <passive>}
 * serves {@code root} anonymously on 127.0.0.1:port with the given passive range, prints {@code listening <port>}
 * and runs until the JVM is told to stop (SIGTERM), closing the server on the way out.
 */
public final class FtpServerBench {

    private FtpServerBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: FtpServerBench <port> <root> <passive ports, e.g. 40100-40120>");
            System.exit(2);
        }
        FtpImageServer server = new FtpImageServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), Path.of(args[1]),
                List.of(), PassivePortRange.parse(args[2]));
        InetSocketAddress bound = server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("listening " + bound.getPort());
        System.out.flush();
        stopped.await();
    }
}
