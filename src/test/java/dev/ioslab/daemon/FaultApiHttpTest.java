package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.SshShell;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault routes as the daemon serves them (control API on 127.0.0.1, port 0): a fault injected with HTTP ends a copy over SSH as IOS prints it,
 * bad bodies and unknown devices or faults are answered with the contract's JSON errors, and after
 * {@code POST /reset} the same copy succeeds.
 */
@Timeout(120)
class FaultApiHttpTest {

    @TempDir
    Path dir;

    @Test
    void aFaultInjectedOverHttpFailsTheCopyUntilReset() throws Exception {
        Path images = Files.createDirectories(dir.resolve("var/images"));
        byte[] image = new byte[50_000];
        new Random(3).nextBytes(image);
        Files.write(images.resolve("lab.bin"), image);
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1, true,
                RackFixture.controlOnLoopback(Optional.empty()))) {
            String base = rack.api().toString();
            HttpClient http = HttpClient.newHttpClient();
            rack.daemon.devices().get(0).replayConfig("file prompt quiet\n");
            String ftp = "ftp://127.0.0.1:" + rack.repositoryPort("ftp") + "/lab.bin";
            try (SshShell shell = SshShell.open(new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh")), "admin",
                    "admin")) {
                shell.await("r1#");
                HttpResponse<String> created = send(http, "POST", base + "/devices/r1/faults",
                        "{\"kind\":\"transfer\",\"type\":\"fail\",\"reason\":\"permission-denied\","
                                + "\"match\":{\"protocol\":\"ftp\"}}");
                assertThat(created.statusCode()).isEqualTo(201);
                assertThat(created.body()).startsWith("{\"id\":\"f1\",\"device\":\"r1\",\"kind\":\"transfer\","
                        + "\"type\":\"fail\",\"reason\":\"permission-denied\",\"count\":1,\"untilRemoved\":false,"
                        + "\"probability\":1.0,\"match\":{\"protocol\":\"ftp\"},\"fired\":0,\"createdAt\":\"");

                assertThat(send(http, "GET", base + "/devices/r1", null).body()).contains("\"faults\":[{\"id\":\"f1\"");

                shell.take();
                shell.type("copy " + ftp + " flash0:lab.bin\r");
                assertThat(shell.await("r1#")).contains("%Error opening " + ftp + " (Permission denied)");
                shell.take();
                assertThat(Files.exists(dir.resolve("var/devices/r1/flash0/lab.bin"))).isFalse();
                assertThat(send(http, "GET", base + "/faults", null).body()).contains("\"fired\":1");

                HttpResponse<String> bad = send(http, "POST", base + "/devices/r1/faults",
                        "{\"kind\":\"transfer\",\"type\":\"bandwidth\",\"bytesPerSecond\":0}");
                assertThat(bad.statusCode()).isEqualTo(400);
                assertThat(bad.body()).contains("\"field\":\"bytesPerSecond\"");
                HttpResponse<String> nowhere = send(http, "POST", base + "/devices/r9/faults",
                        "{\"kind\":\"flash\",\"type\":\"read-only\"}");
                assertThat(nowhere.statusCode()).isEqualTo(404);
                assertThat(nowhere.body()).contains("\"error\":\"no device r9\"");
                assertThat(send(http, "DELETE", base + "/faults/f9", null).statusCode()).isEqualTo(404);

                HttpResponse<String> reset = send(http, "POST", base + "/reset", null);
                assertThat(reset.statusCode()).isEqualTo(200);
                assertThat(reset.body()).isEqualTo("{\"removed\":1}");
                shell.type("copy " + ftp + " flash0:lab.bin\r");
                assertThat(shell.await("r1#")).contains("50000 bytes copied");
                assertThat(Files.readAllBytes(dir.resolve("var/devices/r1/flash0/lab.bin"))).isEqualTo(image);
                assertThat(send(http, "GET", base + "/devices/r1", null).body()).contains("\"faults\":[]");
            }
        }
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
