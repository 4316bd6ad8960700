package dev.ioslab.imageserver.ftp;

import static dev.ioslab.imageserver.ftp.ImageRequests.content;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The image repository against a client it did not grow up with: Debian's curl, on 127.0.0.1. */
class FtpImageServerCurlTest {

    private static final Path CURL = Path.of("/usr/bin/curl");
    private static final UploadUser DEVICE = new UploadUser("device", "s3cret-device");

    @TempDir
    static Path root;
    @TempDir
    Path work;
    private static FtpImageServer server;
    private static InetSocketAddress address;

    @BeforeAll
    static void startServer() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CURL), CURL + " is missing (Debian package curl)");
        server = new FtpImageServer(new InetSocketAddress(ImageRequests.LOOPBACK, 0), root, List.of(DEVICE),
                PassivePortRange.ANY);
        address = server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private int curl(String... arguments) throws IOException, InterruptedException {
        return curlWithOutput(arguments).exit();
    }

    private record Run(int exit, String output) {
    }

    /** Runs curl; its standard output (listings) is returned, its errors go to a file of the test's folder. */
    private Run curlWithOutput(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CURL.toString(), "--silent", "--show-error",
                "--max-time", "60"));
        command.addAll(List.of(arguments));
        Path output = work.resolve("curl.out");
        Process process = new ProcessBuilder(command).redirectError(work.resolve("curl.err").toFile())
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("curl did not finish: " + command);
        }
        return new Run(process.exitValue(), Files.readString(output));
    }

    private String url(String path) {
        return "ftp://127.0.0.1:" + address.getPort() + "/" + path;
    }

    @ParameterizedTest(name = "active {0}")
    @ValueSource(booleans = {false, true})
    void curlFetchesAnImageByteIdentical(boolean active) throws Exception {
        byte[] image = content(5 * 1024 * 1024 + 3, 11);
        Files.write(root.resolve("curl-" + active + ".bin"), image);
        Path fetched = work.resolve("fetched.bin");

        List<String> arguments = new ArrayList<>(List.of("--output", fetched.toString()));
        if (active) {
            arguments.addAll(List.of("--ftp-port", "127.0.0.1"));
        }
        arguments.add(url("curl-" + active + ".bin"));

        assertThat(curl(arguments.toArray(new String[0]))).isZero();
        assertThat(Files.readAllBytes(fetched)).isEqualTo(image);
    }

    @Test
    void curlUploadsWithAnUploadUserButNotAnonymously() throws Exception {
        byte[] config = content(100_000, 12);
        Path local = Files.write(work.resolve("R1-confg"), config);

        assertThat(curl("--upload-file", local.toString(), url("upload/R1-confg"))).as("anonymous").isNotZero();
        assertThat(curl("--user", DEVICE.name() + ":" + DEVICE.password(), "--upload-file", local.toString(),
                url("upload/R1-confg"))).isZero();

        assertThat(Files.readAllBytes(root.resolve("upload/R1-confg"))).isEqualTo(config);
    }

    @Test
    void listingsShowTheImagesButNoLinkOutOfTheRoot() throws Exception {
        Path outside = Files.createDirectories(work.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.write(root.resolve("listed.bin"), content(10, 13));
        Files.createSymbolicLink(root.resolve("link-out.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dir-out"), outside);

        Run names = curlWithOutput("--list-only", url(""));
        Run long_ = curlWithOutput(url(""));

        assertThat(names.exit()).isZero();
        assertThat(names.output()).contains("listed.bin").doesNotContain("link-out.txt", "dir-out");
        assertThat(long_.exit()).isZero();
        assertThat(long_.output()).contains("listed.bin").doesNotContain("link-out.txt", "dir-out");
        Run inside = curlWithOutput(url("dir-out/"));
        assertThat(inside.output()).doesNotContain("secret.txt");
        assertThat(curl("--output", work.resolve("leak").toString(), url("dir-out/secret.txt"))).isNotZero();
    }
}
