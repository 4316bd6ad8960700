package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.commands.CommandSets;
import dev.ioslab.fs.UrlScheme;
import dev.ioslab.image.VerificationPool;
import dev.ioslab.testing.CliTester;
import dev.ioslab.transfer.TransferService;
import dev.ioslab.transfer.TransferSettings;
import dev.ioslab.transfer.ftp.FtpClient;
import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code copy ftp:} end to end: a device's CLI, its real FTP client on Netty, and Apache MINA FtpServer as the far
 * end on 127.0.0.1: IOS's lines, the credential rule proved against a server that only knows one login, uploads,
 * and failures that leave flash exactly as before.
 */
@Timeout(60)
class CopyFtpTest {

    @TempDir
    static Path serverRoot;
    @TempDir
    Path dir;

    private static NioEventLoopGroup loops;
    private static FtpServer server;
    private static int port;
    private static VerificationPool pool;
    /** USER and PASS lines as the server received them, to prove the credential rule on the wire. */
    private static final java.util.Queue<String> LOGINS = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @BeforeAll
    static void startServer() throws Exception {
        loops = new NioEventLoopGroup(2);
        pool = new VerificationPool(1);
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        factory.addListener("default", listener.createListener());
        UserManager users = new PropertiesUserManagerFactory().createUserManager();
        users.save(user("netops", "n3tops!", true));
        users.save(user("anonymous", "", false));
        factory.setUserManager(users);
        factory.getFtplets().put("logins", new DefaultFtplet() {
            @Override
            public FtpletResult beforeCommand(FtpSession session, FtpRequest request) {
                if (request.getCommand().equalsIgnoreCase("USER") || request.getCommand().equalsIgnoreCase("PASS")) {
                    LOGINS.add(request.getCommand().toUpperCase(java.util.Locale.ROOT) + " " + request.getArgument());
                }
                return FtpletResult.DEFAULT;
            }
        });
        server = factory.createServer();
        server.start();
        port = ((DefaultFtpServer) server).getListener("default").getPort();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
        pool.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private static BaseUser user(String name, String password, boolean write) {
        BaseUser user = new BaseUser();
        user.setName(name);
        user.setPassword(password);
        user.setHomeDirectory(serverRoot.toString());
        user.setAuthorities(write ? List.of(new WritePermission()) : List.of());
        return user;
    }

    private CliTester device() {
        TransferSettings settings = TransferSettings.defaults().withTimeouts(Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        TransferService transfers = new TransferService(Map.of(UrlScheme.FTP, new FtpClient(loops)));
        CliTester t = CliTester.privileged(dir, CommandSets.standard(Runnable::run, pool, transfers, settings));
        t.text("configure terminal\rfile prompt quiet\rend\r");
        return t;
    }

    @Test
    void aLoginHoldingALineBreakIsRefusedBeforeItReachesTheServer() throws Exception {
        Files.write(serverRoot.resolve("victim.bin"), new byte[10]);
        CliTester t = device();
        LOGINS.clear();

        String out = t.awaitText("copy ftp://netops%0d%0aDELE%20victim.bin:n3tops!@127.0.0.1:" + port
                + "/victim.bin flash0:\r", "R1#", 30_000);

        assertThat(out).contains("%Error opening ftp://*:*@127.0.0.1:" + port
                + "/victim.bin (Incorrect Login/Password)\r\nR1#");
        assertThat(LOGINS).isEmpty();
        assertThat(serverRoot.resolve("victim.bin")).exists();
        assertThat(dir.resolve("flash0/victim.bin")).doesNotExist();
    }

    @Test
    void downloadsAnImageByteIdenticalWithTheUrlsLogin() throws Exception {
        byte[] image = FsFixture.random(3 * 1024 * 1024 + 11, 21);
        Files.write(serverRoot.resolve("c3900-universalk9-mz.SPA.157-3.M9.bin"), image);
        CliTester t = device();

        String out = t.awaitText("copy ftp://netops:n3tops!@127.0.0.1:" + port
                + "/c3900-universalk9-mz.SPA.157-3.M9.bin flash0:\r", "R1#", 30_000);

        String afterEcho = out.substring(out.indexOf('\n') + 1);
        assertThat(afterEcho).startsWith("Accessing ftp://127.0.0.1:" + port
                + "/c3900-universalk9-mz.SPA.157-3.M9.bin...\r\nLoading c3900-universalk9-mz.SPA.157-3.M9.bin !")
                .contains("[OK - " + image.length + "/4096 bytes]\r\n\r\n" + image.length + " bytes copied in ")
                .doesNotContain("n3tops!");
        assertThat(Files.readAllBytes(dir.resolve("flash0/c3900-universalk9-mz.SPA.157-3.M9.bin"))).isEqualTo(image);
    }

    @Test
    void configuredLoginIsUsedWhenTheUrlHasNone() throws Exception {
        Files.writeString(serverRoot.resolve("only-netops.cfg"), "hostname FROMFTP\n");
        CliTester t = device();
        t.text("configure terminal\rip ftp username netops\rip ftp password n3tops!\rend\r");

        String out = t.awaitText("copy ftp://127.0.0.1:" + port + "/only-netops.cfg flash0:\r", "R1#", 30_000);

        assertThat(out).contains("[OK - 17/4096 bytes]");
        assertThat(Files.readString(dir.resolve("flash0/only-netops.cfg"))).isEqualTo("hostname FROMFTP\n");
    }

    @Test
    void withoutAnyLoginTheRouterIsAnonymousWithTheFormedPassword() throws Exception {
        Files.writeString(serverRoot.resolve("pub.cfg"), "x\n");
        CliTester t = device();
        t.text("configure terminal\rip domain name lab.example\rend\r");
        LOGINS.clear();

        String out = t.awaitText("copy ftp://127.0.0.1:" + port + "/pub.cfg flash0:\r", "R1#", 30_000);

        assertThat(out).contains("[OK - 2/4096 bytes]");
        assertThat(LOGINS).containsExactly("USER anonymous", "PASS admin@R1.lab.example");
    }

    @Test
    void theUrlsUserWithTheConfiguredPasswordLogsIn() throws Exception {
        Files.writeString(serverRoot.resolve("mixed.cfg"), "y\n");
        CliTester t = device();
        t.text("configure terminal\rip ftp username someone-else\rip ftp password n3tops!\rend\r");
        LOGINS.clear();

        String out = t.awaitText("copy ftp://netops@127.0.0.1:" + port + "/mixed.cfg flash0:\r", "R1#", 30_000);

        assertThat(out).contains("[OK - 2/4096 bytes]");
        assertThat(LOGINS).containsExactly("USER netops", "PASS n3tops!");
    }

    @Test
    void wrongLoginIsRefusedAndFlashIsUnchanged() throws Exception {
        Files.writeString(serverRoot.resolve("x.bin"), "x");
        CliTester t = device();

        String out = t.awaitText("copy ftp://netops:wrong@127.0.0.1:" + port + "/x.bin flash0:\r", "R1#", 30_000);

        assertThat(out).contains("%Error opening ftp://*:*@127.0.0.1:" + port + "/x.bin (Incorrect Login/Password)");
        assertThat(dir.resolve("flash0/x.bin")).doesNotExist();
    }

    @Test
    void missingFileIsReportedAndNothingIsWritten() throws Exception {
        CliTester t = device();
        long free = FsFixture.fs(t, "flash0").space().free();

        String out = t.awaitText("copy ftp://netops:n3tops!@127.0.0.1:" + port + "/nope.bin flash0:\r", "R1#",
                30_000);

        assertThat(out).contains("%Error opening ftp://*:*@127.0.0.1:" + port + "/nope.bin (No such file or directory)");
        assertThat(dir.resolve("flash0/nope.bin")).doesNotExist();
        assertThat(FsFixture.fs(t, "flash0").space().free()).isEqualTo(free);
    }

    @Test
    void uploadsAFlashFileAndTheRunningConfig() throws Exception {
        byte[] image = FsFixture.random(200_000, 22);
        CliTester t = device();
        FsFixture.put(t, "flash0", "up.bin", image);

        String out = t.awaitText("copy flash0:up.bin ftp://netops:n3tops!@127.0.0.1:" + port + "/up.bin\r", "R1#",
                30_000);
        assertThat(out).contains("Writing up.bin !").contains("200000 bytes copied in ");
        assertThat(Files.readAllBytes(serverRoot.resolve("up.bin"))).isEqualTo(image);

        t.awaitText("copy running-config ftp://netops:n3tops!@127.0.0.1:" + port + "/r1-confg\r", "R1#", 30_000);
        assertThat(Files.readString(serverRoot.resolve("r1-confg"), StandardCharsets.ISO_8859_1))
                .contains("hostname R1");
    }

    @Test
    void anonymousCannotWrite() throws Exception {
        CliTester t = device();
        FsFixture.put(t, "flash0", "a.bin", "abc");

        String out = t.awaitText("copy flash0:a.bin ftp://127.0.0.1:" + port + "/a.bin\r", "R1#", 30_000);

        assertThat(out).contains("%Error opening ftp://127.0.0.1:" + port + "/a.bin (Permission denied)");
        assertThat(serverRoot.resolve("a.bin")).doesNotExist();
    }
}
