package dev.ioslab.transfer.ftp;

import static dev.ioslab.transfer.ftp.FtpRequests.content;
import static dev.ioslab.transfer.ftp.FtpRequests.quick;
import static dev.ioslab.transfer.ftp.FtpRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.transfer.Credentials;
import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import dev.ioslab.transfer.TransferResult;
import dev.ioslab.transfer.TransferSettings;
import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interop with a real vsftpd on 127.0.0.1, started by the test. Skipped without {@code /usr/sbin/vsftpd} or root;
 * the local-user cases are skipped without the account {@code ioslabftp} (password {@code ioslabftp}).
 */
class FtpClientVsftpdTest {

    private static final Credentials LOCAL = new Credentials(Vsftpd.LOCAL_USER, Vsftpd.LOCAL_PASSWORD);
    private static final int LARGE = 3 * 1024 * 1024 + 5;

    private static Vsftpd vsftpd;
    private static NioEventLoopGroup group;
    private static FtpClient client;

    @BeforeAll
    static void startVsftpd() throws Exception {
        String missing = Vsftpd.unavailableReason();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "vsftpd interop skipped: " + missing);
        vsftpd = Vsftpd.start(false);
        group = new NioEventLoopGroup(1);
        client = new FtpClient(group);
    }

    @AfterAll
    static void stopVsftpd() throws Exception {
        if (vsftpd != null) {
            vsftpd.close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @ParameterizedTest(name = "{0} bytes, passive {1}")
    @CsvSource({"0, true", "0, false", "1000, true", "1000, false", LARGE + ", true", LARGE + ", false"})
    void downloadsAnonymouslyByteIdentical(int size, boolean passive) throws Exception {
        byte[] expected = content(size, size);
        String name = "anon-" + size + "-" + passive + ".bin";
        Path served = vsftpd.anonymousRoot().resolve(name);
        Files.write(served, expected);
        Files.setPosixFilePermissions(served, PosixFilePermissions.fromString("rw-r--r--"));
        RecordingSink sink = new RecordingSink();

        TransferResult result = client.download(request(vsftpd.port(), name, Optional.empty(), quick(passive)), sink,
                TransferListener.NONE).get(30, TimeUnit.SECONDS);

        assertThat(sink.bytes()).isEqualTo(expected);
        assertThat(result.bytes()).isEqualTo(size);
        assertThat(sink.calls.get(0)).isEqualTo("size " + size);
    }

    @Test
    void reportsAMissingFile() {
        assertThatThrownBy(() -> client.download(request(vsftpd.port(), "none.bin", Optional.empty(), quick(true)),
                new RecordingSink(), TransferListener.NONE).get(30, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(TransferException.class, failure ->
                        assertThat(failure.error()).as(failure.detail()).isEqualTo(TransferError.NO_SUCH_FILE));
    }

    @Test
    void refusesAnAnonymousStoreAsPermissionDenied() {
        assertThatThrownBy(() -> client.upload(request(vsftpd.port(), "up.bin", Optional.empty(), quick(true)),
                new ByteArraySource(content(100, 1)), TransferListener.NONE).get(30, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(TransferException.class, failure ->
                        assertThat(failure.error()).as(failure.detail()).isEqualTo(TransferError.PERMISSION_DENIED));
    }

    @ParameterizedTest(name = "passive {0}")
    @ValueSource(booleans = {true, false})
    void uploadsAndDownloadsAsTheLocalUser(boolean passive) throws Exception {
        assumeLocalUser();
        for (int size : new int[] {0, 1000, LARGE}) {
            byte[] file = content(size, size + 11);
            String relative = "up-" + size + "-" + passive + ".bin";
            client.upload(request(vsftpd.port(), relative, Optional.of(LOCAL), quick(passive)),
                    new ByteArraySource(file), TransferListener.NONE).get(30, TimeUnit.SECONDS);
            assertThat(Files.readAllBytes(vsftpd.localRoot().resolve(relative))).isEqualTo(file);

            // The same file by its absolute path inside the chroot (ftp://host//up-….bin).
            RecordingSink sink = new RecordingSink();
            client.download(request(vsftpd.port(), "/" + relative, Optional.of(LOCAL), quick(passive)), sink,
                    TransferListener.NONE).get(30, TimeUnit.SECONDS);
            assertThat(sink.bytes()).isEqualTo(file);
        }
    }

    @Test
    void reportsAWrongPasswordAsLoginFailed() {
        assumeLocalUser();
        Credentials wrong = new Credentials(Vsftpd.LOCAL_USER, "wrong-password");
        // pam_unix delays a failed login by about 2 s before vsftpd can answer 530.
        TransferSettings patient = quick(true).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(15),
                Duration.ofSeconds(15));
        assertThatThrownBy(() -> client.download(request(vsftpd.port(), "x", Optional.of(wrong), patient),
                new RecordingSink(), TransferListener.NONE).get(30, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(TransferException.class, failure ->
                        assertThat(failure.error()).isEqualTo(TransferError.LOGIN_FAILED));
    }

    @Test
    void twentyConcurrentDownloadsOfOneImageAllEndByteIdentical() throws Exception {
        byte[] image = new byte[64 << 20];
        new java.util.Random(64).nextBytes(image);
        Files.write(vsftpd.anonymousRoot().resolve("shared-image.bin"), image);
        byte[] expected = java.security.MessageDigest.getInstance("SHA-256").digest(image);
        java.util.List<java.util.concurrent.CompletableFuture<byte[]>> digests = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            dev.ioslab.transfer.TransferSink sink = new dev.ioslab.transfer.TransferSink() {
                @Override
                public void expectSize(long bytes) {
                }

                @Override
                public void write(java.nio.ByteBuffer bytes) {
                    sha.update(bytes);
                }
            };
            // Active mode: the test's vsftpd has a passive range of 21 ports, fewer than 20 transfers plus lingerers.
            TransferSettings patient = quick(false).withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30),
                    Duration.ofSeconds(30));
            digests.add(client.download(request(vsftpd.port(), "shared-image.bin", Optional.empty(), patient),
                    sink, TransferListener.NONE).thenApply(done -> sha.digest()));
        }
        for (java.util.concurrent.CompletableFuture<byte[]> digest : digests) {
            assertThat(digest.get(120, TimeUnit.SECONDS)).isEqualTo(expected);
        }
    }

    private static void assumeLocalUser() {
        Assumptions.assumeTrue(Vsftpd.hasLocalUser(), "local-user cases skipped: no account " + Vsftpd.LOCAL_USER
                + " (useradd -m -s /bin/sh ioslabftp; echo ioslabftp:ioslabftp | chpasswd)");
    }
}
