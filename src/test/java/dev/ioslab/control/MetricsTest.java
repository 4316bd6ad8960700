package dev.ioslab.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.device.Device;
import dev.ioslab.device.DeviceEvent;
import dev.ioslab.device.Platform;
import dev.ioslab.image.VerificationPool;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /** Prints each sample the Prometheus client's own parser finds: family type, name, sorted labels, value. */
    private static final String PARSE = String.join("\n",
            "import sys",
            "from prometheus_client.parser import text_string_to_metric_families",
            "for family in text_string_to_metric_families(sys.stdin.read()):",
            "    for s in family.samples:",
            "        labels = ','.join(k + '=' + v for k, v in sorted(s.labels.items()))",
            "        print(family.type, s.name, '{' + labels + '}', repr(float(s.value)))");

    private final EventLog log = new EventLog(Clock.systemUTC(), 100);
    private final EventCounters counters = new EventCounters();
    private final DurationHistogram durations = new DurationHistogram();
    private Metrics metrics;
    private final Routes root = new Routes();

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        Device r1 = new Device("r1", Platform.c3900("FGL161010AA"), dir.resolve("r1"), Clock.systemUTC());
        RackView rack = ListedRack.of(r1);
        log.addListener(counters);
        metrics = new Metrics(rack, () -> Map.of("running", 2L, "rommon", 1L),
                () -> new VerificationPool.Stats(2, 1, 3, 10), durations, counters, log);
        new MetricsRoutes(metrics).register(root);
    }

    private void feed() {
        log.publish("r1", new DeviceEvent.Login("admin", "127.0.0.1", "ssh", DeviceEvent.LoginResult.OK));
        log.publish("r1", new DeviceEvent.Login("admin", "127.0.0.1", "telnet", DeviceEvent.LoginResult.FAILED));
        log.publish("r1", new DeviceEvent.CommandEntered("show version", "exec", 15, "admin", 0));
        log.publish("r1", new DeviceEvent.CommandEntered("dir", "exec", 15, "admin", 0));
        log.publish("r1", new DeviceEvent.Transfer("ftp://h/x", DeviceEvent.Direction.DOWNLOAD, "ftp", 1000, 2.5,
                "ok"));
        log.publish("r1", new DeviceEvent.Transfer("ftp://h/x", DeviceEvent.Direction.DOWNLOAD, "ftp", 500, 0.5,
                "ok"));
        log.publish("r1", new DeviceEvent.Transfer("tftp://h/\"q\"", DeviceEvent.Direction.DOWNLOAD, "tftp", 0, 1,
                "Timed out"));
        log.publish("r1", new DeviceEvent.Verification("flash0:/x", "hash mismatch", ""));
        log.publish("r1", new DeviceEvent.FaultFired("f1", "transfer", "fail", "timed-out"));
        durations.taskFinished(TimeUnit.MILLISECONDS.toNanos(3));
        durations.taskFinished(TimeUnit.MILLISECONDS.toNanos(700));
        durations.taskFinished(TimeUnit.SECONDS.toNanos(90));
    }

    @Test
    void servesTheExpositionAsTextVersion004() throws Exception {
        feed();
        Routes.Match match = root.match("GET", "/metrics").orElseThrow();
        ApiResponse response = match.handler().handle(new ApiRequest("GET", "/metrics", Map.of(), Map.of(),
                new byte[0])).toCompletableFuture().join();
        ApiResponse.Text text = (ApiResponse.Text) response;
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(text.body()).contains("# TYPE ioslab_logins_total counter\n")
                .contains("ioslab_logins_total{method=\"ssh\",result=\"ok\"} 1\n")
                .contains("ioslab_verification_duration_seconds_bucket{le=\"0.005\"} 1\n")
                .contains("ioslab_verification_duration_seconds_bucket{le=\"+Inf\"} 3\n")
                .endsWith("\n");
    }

    @Test
    void prometheusClientParserReadsEveryFamily() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3");
        Assumptions.assumeTrue(run("import prometheus_client.parser", "").exitCode == 0,
                "needs Python's prometheus_client (Debian package python3-prometheus-client)");
        feed();
        Parsed parsed = run(PARSE, metrics.scrape());
        assertThat(parsed.exitCode).as(parsed.output).isZero();
        List<String> samples = Arrays.asList(parsed.output.split("\n"));
        assertThat(samples).contains(
                "gauge ioslab_devices {state=rommon} 1.0",
                "gauge ioslab_devices {state=running} 2.0",
                "gauge ioslab_sessions {protocol=ssh} 0.0",
                "gauge ioslab_verification_queue_depth {} 3.0",
                "gauge ioslab_verification_busy_workers {} 1.0",
                "counter ioslab_logins_total {method=ssh,result=ok} 1.0",
                "counter ioslab_logins_total {method=telnet,result=failed} 1.0",
                "counter ioslab_commands_total {} 2.0",
                "counter ioslab_transfers_total {direction=download,protocol=ftp,result=ok} 2.0",
                "counter ioslab_transfer_bytes_total {direction=download,protocol=ftp,result=ok} 1500.0",
                "counter ioslab_transfer_seconds_total {direction=download,protocol=ftp,result=ok} 3.0",
                "counter ioslab_transfers_total {direction=download,protocol=tftp,result=Timed out} 1.0",
                "counter ioslab_verifications_total {result=hash mismatch} 1.0",
                "counter ioslab_faults_fired_total {kind=transfer,type=fail} 1.0",
                "counter ioslab_events_total {} 9.0",
                "histogram ioslab_verification_duration_seconds_bucket {le=1.0} 2.0",
                "histogram ioslab_verification_duration_seconds_bucket {le=+Inf} 3.0",
                "histogram ioslab_verification_duration_seconds_count {} 3.0");
        assertThat(samples).anyMatch(s -> s.startsWith("histogram ioslab_verification_duration_seconds_sum {} 90.70"));
    }

    private record Parsed(int exitCode, String output) {
    }

    private static Parsed run(String script, String input) throws Exception {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python3 did not finish");
        }
        return new Parsed(p.exitValue(), output);
    }
}
