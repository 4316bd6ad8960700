package dev.ioslab.imageserver.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.imageserver.tftp.TftpServer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon runs both servers over one folder, and TFTP uploads go into the FTP server's {@code upload/}: a TFTP
 * upload in progress must be as invisible over FTP as an FTP one (files are complete or absent).
 */
class FtpImageServerBesideTftpTest {

    @TempDir
    Path root;
    private EventLoopGroup group;
    private TftpServer tftp;
    private FtpImageServer ftp;

    @AfterEach
    void stop() {
        if (ftp != null) {
            ftp.close();
        }
        if (tftp != null) {
            tftp.close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void aTftpUploadInProgressCannotBeListedReadOrRenamedOverFtp() throws Exception {
        UploadUser device = new UploadUser("device", "s3cret-device");
        ftp = new FtpImageServer(new InetSocketAddress(ImageRequests.LOOPBACK, 0), root, List.of(device),
                PassivePortRange.ANY);
        InetSocketAddress ftpAddress = ftp.start();
        group = new NioEventLoopGroup(1);
        Path upload = root.resolve(FtpImageServer.UPLOAD_FOLDER);
        tftp = new TftpServer(new InetSocketAddress(ImageRequests.LOOPBACK, 0), root, Optional.of(upload), group, 4);
        InetSocketAddress tftpAddress = tftp.start().get(5, TimeUnit.SECONDS);

        try (DatagramSocket tftpClient = new DatagramSocket(new InetSocketAddress(ImageRequests.LOOPBACK, 0));
             RawFtpControl anonymous = new RawFtpControl(ftpAddress);
             RawFtpControl uploader = new RawFtpControl(ftpAddress)) {
            tftpClient.setSoTimeout(5000);
            // WRQ and the first of several 512-byte blocks: the upload is under way and its temp file holds 512 bytes.
            byte[] wrq = "\0\2c3900.bin\0octet\0".getBytes(StandardCharsets.US_ASCII);
            tftpClient.send(new DatagramPacket(wrq, wrq.length, tftpAddress));
            DatagramPacket ack0 = new DatagramPacket(new byte[516], 516);
            tftpClient.receive(ack0);
            assertThat(ack0.getData()[1]).as("ACK 0").isEqualTo((byte) 4);
            byte[] data1 = new byte[516];
            data1[1] = 3;
            data1[3] = 1;
            tftpClient.send(new DatagramPacket(data1, data1.length, ack0.getSocketAddress()));
            DatagramPacket ack1 = new DatagramPacket(new byte[516], 516);
            tftpClient.receive(ack1);
            assertThat(ack1.getData()[3]).as("ACK 1").isEqualTo((byte) 1);
            String partial;
            try (Stream<Path> files = Files.list(upload)) {
                partial = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).findFirst()
                        .orElseThrow();
            }

            anonymous.login("anonymous", "x@y");
            assertThat(anonymous.send("TYPE I").code()).isEqualTo(200);
            InetSocketAddress listing = anonymous.passive();
            try (Socket data = new Socket()) {
                data.connect(listing, 5000);
                assertThat(anonymous.send("NLST -a upload").code()).isEqualTo(150);
                assertThat(readAll(data.getInputStream())).as("NLST -a").doesNotContain(partial);
                assertThat(anonymous.reply().code()).isEqualTo(226);
            }
            assertThat(anonymous.send("SIZE upload/" + partial).code()).as("SIZE").isGreaterThanOrEqualTo(400);
            InetSocketAddress retrieve = anonymous.passive();
            try (Socket data = new Socket()) {
                data.connect(retrieve, 5000);
                assertThat(anonymous.send("RETR upload/" + partial).code()).as("RETR").isGreaterThanOrEqualTo(400);
            }

            uploader.login(device.name(), device.password());
            uploader.send("RNFR upload/" + partial);
            uploader.send("RNTO upload/c3900.bin");
            assertThat(upload.resolve("c3900.bin")).as("half an image under its name").doesNotExist();
        }
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
