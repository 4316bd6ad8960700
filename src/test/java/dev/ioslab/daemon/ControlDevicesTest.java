package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioslab.device.Device;
import dev.ioslab.fs.AtomicWrite;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.testing.SshShell;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device routes of the control API through real HTTP against a running rack: listing, details, errors, and each
 * lifecycle request checked over SSH as a user would see it.
 */
@Timeout(120)
class ControlDevicesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private RackFixture rack;

    @BeforeEach
    void startRack() throws IOException {
        rack = new RackFixture(dir.resolve("var"), 2, false, RackFixture.controlOnLoopback(Optional.empty()));
    }

    @AfterEach
    void stopRack() {
        rack.close();
    }

    @Test
    void listsEveryDeviceWithStateAddressesImageAndSessions() throws Exception {
        try (SshShell shell = SshShell.open(ssh("r2"), "admin", "admin")) {
            shell.await("r2#");
            HttpResponse<String> response = call("GET", "/devices", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode devices = json.readTree(response.body());
            assertThat(devices).hasSize(2);
            assertThat(devices.get(0).get("name").asText()).isEqualTo("r1");
            assertThat(devices.get(0).get("state").asText()).isEqualTo("running");
            assertThat(devices.get(0).get("addresses").get("ssh").asText())
                    .isEqualTo("127.0.0.1:" + rack.port("r1", "ssh"));
            assertThat(devices.get(0).get("addresses").get("telnet").asText())
                    .isEqualTo("127.0.0.1:" + rack.port("r1", "telnet"));
            assertThat(devices.get(0).get("runningImage").asText()).isEqualTo("flash0:" + LabImages.CURRENT);
            assertThat(devices.get(0).get("uptimeSeconds").asLong()).isNotNegative();
            assertThat(devices.get(0).get("sessions").get("ssh").asInt()).isZero();
            assertThat(devices.get(1).get("sessions").get("ssh").asInt()).isEqualTo(1);
            assertThat(devices.get(1).get("sessions").get("telnet").asInt()).isZero();
        }
    }

    @Test
    void deviceDetailsHaveFlashUsageKeysAndNoFaults() throws Exception {
        HttpResponse<String> response = call("GET", "/devices/r1", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode device = json.readTree(response.body());
        assertThat(device.get("state").asText()).isEqualTo("running");
        assertThat(device.get("lastReloadReason").asText()).isEqualTo("power-on");
        JsonNode flash0 = device.get("fileSystems").get(0);
        assertThat(flash0.get("name").asText()).isEqualTo("flash0:");
        assertThat(flash0.get("used").asLong()).isPositive();
        assertThat(flash0.get("free").asLong() + flash0.get("used").asLong()).isEqualTo(flash0.get("size").asLong());
        assertThat(device.get("fileSystems").findValuesAsText("name")).contains("nvram:", "usbflash0:");
        assertThat(device.get("keys").get("active").asInt()).isEqualTo(3);
        assertThat(device.get("keys").get("revoked").asInt()).isZero();
        assertThat(device.get("keys").get("keys").findValuesAsText("type"))
                .containsExactlyInAnyOrder("release", "development", "rollover");
        assertThat(device.get("faults").isArray()).isTrue();
        assertThat(device.get("faults")).isEmpty();
        // r1 was never used: looking at it shows its factory flash and creates none of its folders.
        assertThat(dir.resolve("var/devices/r1/flash0")).doesNotExist();
    }

    @Test
    void unknownDeviceIs404WithJsonError() throws Exception {
        for (String[] call : List.of(new String[] {"GET", "/devices/r9"}, new String[] {"POST", "/devices/r9/reload"},
                new String[] {"POST", "/devices/r9/reset"})) {
            HttpResponse<String> response = call(call[0], call[1], null);

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json.readTree(response.body()).get("error").asText()).isEqualTo("no device r9");
        }
    }

    @Test
    void malformedOrUnexpectedBodyIs400AndTheDeviceKeepsRunning() throws Exception {
        HttpResponse<String> malformed = call("POST", "/devices/r1/reload", "{\"reason\": ");
        HttpResponse<String> unknown = call("POST", "/devices/r1/reload", "{\"reasn\": \"x\"}");
        HttpResponse<String> wrongType = call("POST", "/devices/r1/reload", "{\"reason\": 5}");
        HttpResponse<String> notAnObject = call("POST", "/devices/r1/stop", "[1]");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("error").asText()).startsWith("malformed JSON body");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("field").asText()).isEqualTo("reasn");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json.readTree(wrongType.body()).get("field").asText()).isEqualTo("reason");
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(state("r1")).isEqualTo("running");
    }

    @Test
    void reloadTakesTheDeviceDownAndBringsItBackWithTheReason() throws Exception {
        try (SshShell shell = SshShell.open(ssh("r1"), "admin", "admin")) {
            shell.await("r1#");
            HttpResponse<String> response = call("POST", "/devices/r1/reload", "{\"reason\": \"API maintenance\"}");

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(json.readTree(response.body()).get("device").asText()).isEqualTo("r1");
            assertThat(json.readTree(response.body()).get("state").asText()).isEqualTo("booting");
            assertThat(shell.awaitClosed()).isTrue();
            assertThatThrownBy(() -> new Socket("127.0.0.1", rack.port("r1", "ssh")).close())
                    .isInstanceOf(ConnectException.class);
        }
        assertThat(showVersionAfterBoot("r1")).contains("System returned to ROM by reload at ")
                .contains("Last reload reason: API maintenance");
        assertThat(state("r1")).isEqualTo("running");
    }

    @Test
    void powerCycleIsRecordedAsPowerOn() throws Exception {
        try (SshShell shell = SshShell.open(ssh("r1"), "admin", "admin")) {
            shell.await("r1#");
            shell.type("configure terminal\rhostname UNSAVED\rend\r");
            shell.await("UNSAVED#");
            assertThat(call("POST", "/devices/r1/power-cycle", null).statusCode()).isEqualTo(202);
            assertThat(shell.awaitClosed()).isTrue();
        }
        String version = showVersionAfterBoot("r1");

        assertThat(version).contains("System returned to ROM by power-on").contains("Last reload reason: power-on")
                .contains("r1 uptime is");
    }

    @Test
    void stoppedDeviceIsUnreachableRefusesReloadAndComesBackOnStart() throws Exception {
        HttpResponse<String> stop = call("POST", "/devices/r1/stop", "{}");

        assertThat(stop.statusCode()).isEqualTo(202);
        assertThat(json.readTree(stop.body()).get("state").asText()).isEqualTo("stopped");
        assertThat(state("r1")).isEqualTo("stopped");
        assertThat(rack.daemon.rack().orElseThrow().devicesByState()).containsEntry("stopped", 1L)
                .containsEntry("running", 1L).containsEntry("booting", 0L).containsEntry("rommon", 0L);
        assertThatThrownBy(() -> new Socket("127.0.0.1", rack.port("r1", "ssh")).close())
                .isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> new Socket("127.0.0.1", rack.port("r1", "telnet")).close())
                .isInstanceOf(ConnectException.class);
        HttpResponse<String> reload = call("POST", "/devices/r1/reload", null);
        assertThat(reload.statusCode()).isEqualTo(409);
        assertThat(json.readTree(reload.body()).get("error").asText()).isEqualTo("r1 is stopped");
        assertThat(state("r2")).isEqualTo("running");

        HttpResponse<String> start = call("POST", "/devices/r1/start", null);

        assertThat(start.statusCode()).isEqualTo(202);
        assertThat(json.readTree(start.body()).get("state").asText()).isEqualTo("booting");
        assertThat(showVersionAfterBoot("r1")).contains("Last reload reason: power-on");
        assertThat(state("r1")).isEqualTo("running");
    }

    @Test
    void resetErasesStartupConfigExtraFilesAndKeysAndBootsTheProvisionedImage() throws Exception {
        try (SshShell shell = SshShell.open(ssh("r1"), "admin", "admin")) {
            shell.await("r1#");
            shell.type("configure terminal\rhostname CHANGED\rend\rwrite memory\r");
            shell.await("[OK]");
        }
        Device device = rack.daemon.rack().orElseThrow().device("r1").orElseThrow();
        write(device, "flash0", "extra.bin");
        write(device, "usbflash0", "stick.bin");
        device.softwareAuthenticity().keys().resetTo(List.of());

        HttpResponse<String> reset = call("POST", "/devices/r1/reset", null);

        assertThat(reset.statusCode()).isEqualTo(202);
        assertThat(json.readTree(reset.body()).get("state").asText()).isEqualTo("booting");
        awaitState("r1", "running");
        try (SshShell shell = SshShell.open(ssh("r1"), "admin", "admin")) {
            shell.await("r1#");
            shell.type("terminal length 0\rshow startup-config\r");
            assertThat(shell.await("startup-config is not present")).isNotEmpty();
            shell.type("dir flash0:\r");
            String flash = shell.await("bytes free)");
            assertThat(flash).contains(LabImages.CURRENT).doesNotContain("extra.bin");
            shell.type("dir usbflash0:\r");
            assertThat(shell.await("bytes free)")).doesNotContain("stick.bin");
        }
        JsonNode detail = json.readTree(call("GET", "/devices/r1", null).body());
        assertThat(detail.get("keys").get("active").asInt()).isEqualTo(3);
        assertThat(detail.get("runningImage").asText()).isEqualTo("flash0:" + LabImages.CURRENT);
        assertThat(detail.get("lastReloadReason").asText()).isEqualTo("power-on");
    }

    @Test
    void resetWaitsForAWriteInFlightToEndAndThenErasesIt() throws Exception {
        Device device = rack.daemon.rack().orElseThrow().device("r1").orElseThrow();
        IosFileSystem flash0 = device.fileSystems().find("flash0").orElseThrow();
        AtomicWrite inFlight = flash0.beginWrite(flash0.resolve("half.bin"));
        inFlight.write(ByteBuffer.wrap(new byte[1024]));
        HttpRequest request = HttpRequest.newBuilder(URI.create(rack.api() + "/devices/r1/reset")).timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.noBody()).build();

        java.util.concurrent.CompletableFuture<HttpResponse<String>> reset = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofString());
        awaitState("r1", "booting");
        HttpResponse<String> refused = call("POST", "/devices/r1/start", null);
        inFlight.abort();

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).get("error").asText()).isEqualTo("r1 is being reset");
        assertThat(reset.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        awaitState("r1", "running");
        assertThat(flash0.list(flash0.root())).extracting(e -> e.name()).containsExactly(LabImages.CURRENT);
    }

    @Test
    void ctlListsStopsAndStartsDevicesOfTheRunningDaemon() throws Exception {
        String url = "http://127.0.0.1:" + rack.daemon.controlAddress().orElseThrow().getPort();
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine ctl = new picocli.CommandLine(new Main()).setOut(new java.io.PrintWriter(out, true))
                .setErr(new java.io.PrintWriter(err, true));

        assertThat(ctl.execute("ctl", "--url", url, "devices")).isZero();
        assertThat(json.readTree(out.toString()).findValuesAsText("name")).containsExactly("r1", "r2");
        assertThat(ctl.execute("ctl", "--url", url, "stop", "r2")).isZero();
        assertThat(state("r2")).isEqualTo("stopped");
        assertThat(ctl.execute("ctl", "--url", url, "reload", "r2")).isEqualTo(1);
        assertThat(err.toString()).contains("error 409: r2 is stopped");
        assertThat(ctl.execute("ctl", "--url", url, "start", "r2")).isZero();
        awaitState("r2", "running");
        assertThat(ctl.execute("ctl", "--url", url, "device", "r9")).isEqualTo(1);
        assertThat(err.toString()).contains("error 404: no device r9");
    }

    @Test
    void curlListsTheDevices() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("curl"), "curl is not installed");
        Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "10", rack.api() + "/devices")
                .redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes());

        assertThat(curl.waitFor()).isZero();
        assertThat(json.readTree(out).findValuesAsText("name")).containsExactly("r1", "r2");
    }

    private static boolean onPath(String program) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Path.of(p, program).toFile().canExecute()) {
                return true;
            }
        }
        return false;
    }

    private static void write(Device device, String fileSystem, String name) throws Exception {
        IosFileSystem fs = device.fileSystems().find(fileSystem).orElseThrow();
        try (AtomicWrite w = fs.beginWrite(fs.resolve(name))) {
            w.write(ByteBuffer.wrap(new byte[4096]));
            w.commit();
        }
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rack.api() + path)).timeout(WAIT);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String state(String device) throws Exception {
        return json.readTree(call("GET", "/devices/" + device, null).body()).get("state").asText();
    }

    /** Polls the API (bounded) until the device reports {@code expected}. */
    private void awaitState(String device, String expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String seen = state(device);
        while (!seen.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = state(device);
        }
        assertThat(seen).as("state of " + device).isEqualTo(expected);
    }

    /** Waits (bounded) for the device to run again, logs in and returns {@code show version}. */
    private String showVersionAfterBoot(String device) throws Exception {
        awaitState(device, "running");
        try (SshShell shell = SshShell.open(ssh(device), "admin", "admin")) {
            shell.await("#");
            shell.type("terminal length 0\rshow version\r");
            return shell.await("Configuration register");
        }
    }

    private InetSocketAddress ssh(String device) {
        return new InetSocketAddress("127.0.0.1", rack.port(device, "ssh"));
    }
}
