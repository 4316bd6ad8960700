package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.cli.DeviceShell;
import dev.ioslab.control.ControlServer;
import dev.ioslab.control.ListedRack;
import dev.ioslab.control.RackView;
import dev.ioslab.control.Routes;
import dev.ioslab.testing.SshShell;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The event log and metrics of a running rack, read over HTTP as a lab user's tooling reads them. */
@Timeout(120)
class EventsOverHttpTest {

    @TempDir
    Path dir;

    @Test
    void followStreamListingAndMetricsShowAnSshSession() throws Exception {
        EventLoopGroup loops = new NioEventLoopGroup(1);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 2)) {
            RackView view = new ListedRack(() -> rack.daemon.devices().stream().map(DeviceShell::device).toList());
            Routes api = new Routes();
            Routes root = new Routes();
            rack.daemon.registerEventRoutes(api, root, view, () -> Map.of("running", 2L));
            ControlServer server = new ControlServer(new InetSocketAddress("127.0.0.1", 0), Optional.empty(), api,
                    root, loops, loops);
            InetSocketAddress address = server.start().get(10, TimeUnit.SECONDS);
            String base = "http://127.0.0.1:" + address.getPort();
            try {
                LinkedBlockingQueue<String> followed = new LinkedBlockingQueue<>();
                HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/events?follow=true")).build(), HttpResponse.BodyHandlers.ofLines());
                assertThat(stream.statusCode()).isEqualTo(200);
                Thread reader = new Thread(() -> stream.body().forEach(followed::add), "events-reader");
                reader.setDaemon(true);
                reader.start();

                try (SshShell shell = SshShell.open(new InetSocketAddress("127.0.0.1", rack.port("r2", "ssh")),
                        "admin", "admin")) {
                    shell.await("r2#");
                    shell.type("show privilege\r");
                    shell.await("Current privilege level is 15");
                    String login = poll(followed, "\"type\":\"login\"");
                    assertThat(login).contains("\"device\":\"r2\"", "\"user\":\"admin\"", "\"method\":\"ssh\"",
                            "\"result\":\"ok\"", "\"seq\":");
                    String command = poll(followed, "\"type\":\"command\"");
                    assertThat(command).contains("\"line\":\"show privilege\"", "\"mode\":\"exec\"",
                            "\"privilege\":15");

                    String metrics = get(http, base + "/metrics").body();
                    assertThat(metrics).contains("ioslab_sessions{protocol=\"ssh\"} 1\n",
                            "ioslab_logins_total{method=\"ssh\",result=\"ok\"} 1\n",
                            "ioslab_devices{state=\"running\"} 2\n");
                }

                HttpResponse<String> listing = get(http, base + "/api/v1/devices/r2/events?since=0");
                assertThat(listing.statusCode()).isEqualTo(200);
                assertThat(listing.body()).startsWith("{\"events\":[").contains("\"type\":\"login\"",
                        "\"line\":\"show privilege\"", "\"next\":");
                assertThat(get(http, base + "/api/v1/devices/r1/events").body()).doesNotContain("show privilege");
                HttpResponse<String> unknown = get(http, base + "/api/v1/devices/r9/events");
                assertThat(unknown.statusCode()).isEqualTo(404);
                assertThat(unknown.body()).contains("no device r9");
                HttpResponse<String> bad = get(http, base + "/api/v1/events?since=soon");
                assertThat(bad.statusCode()).isEqualTo(400);
                assertThat(bad.body()).contains("\"field\":\"since\"");
            } finally {
                server.close();
            }
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDaemonsOwnControlApiServesLifecycleEventsAndMetrics() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 2, false,
                RackFixture.controlOnLoopback(Optional.empty()))) {
            String base = "http://127.0.0.1:" + rack.daemon.controlAddress().orElseThrow().getPort();
            HttpResponse<String> cycled = http.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/devices/r1/power-cycle")).POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(cycled.statusCode()).isEqualTo(202);

            HttpResponse<String> events = get(http, base + "/api/v1/devices/r1/events?since=0");
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.body()).contains("\"type\":\"reload\"", "\"kind\":\"power-cycle\"",
                    "\"reason\":\"power-on\"");
            assertThat(get(http, base + "/api/v1/devices/r2/events").body()).doesNotContain("power-cycle");
            String metrics = get(http, base + "/metrics").body();
            assertThat(metrics).contains("ioslab_reloads_total{kind=\"power-cycle\"} 1\n",
                    "# TYPE ioslab_devices gauge\n", "ioslab_devices{state=\"stopped\"} 0\n");
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The next streamed line containing {@code needle}, waiting at most 20 s. */
    private static String poll(LinkedBlockingQueue<String> lines, String needle) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no streamed event containing " + needle);
            }
            if (line.contains(needle)) {
                return line;
            }
        }
    }
}
