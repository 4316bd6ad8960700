package dev.ioslab.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.device.Device;
import dev.ioslab.device.DeviceEvent;
import dev.ioslab.device.Platform;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventRoutesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T23:00:00.123Z"), ZoneOffset.UTC);
    private final EventLog log = new EventLog(clock, 3);
    private final Routes api = new Routes();
    private Device r1;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        r1 = new Device("r1", Platform.c3900("FGL161010AA"), dir.resolve("r1"), clock);
        RackView rack = ListedRack.of(r1);
        new EventRoutes(log, rack, Runnable::run).register(api);
    }

    private ApiResponse get(String path, Map<String, List<String>> query) throws Exception {
        Routes.Match match = api.match("GET", path).orElseThrow();
        return match.handler().handle(new ApiRequest("GET", path, match.pathParams(), query, new byte[0]))
                .toCompletableFuture().join();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(ApiResponse response) {
        return (Map<String, Object>) ((ApiResponse.Json) response).body();
    }

    @Test
    void listsADevicesEventsInTheContractsShape() throws Exception {
        log.forDevice("r1").publish(new DeviceEvent.Login("admin", "127.0.0.1", "ssh", DeviceEvent.LoginResult.OK));
        log.forDevice("r1").publish(new DeviceEvent.Transfer("ftp://admin@10.1.1.1/x.bin",
                DeviceEvent.Direction.DOWNLOAD, "ftp", 1234, 0.5, "Timed out"));

        Map<String, Object> body = body(get("/devices/r1/events", Map.of()));
        assertThat(body).containsEntry("next", 2L).doesNotContainKey("dropped");
        List<Map<String, Object>> events = (List<Map<String, Object>>) body.get("events");
        assertThat(events.get(0)).containsExactly(Map.entry("seq", 1L), Map.entry("device", "r1"),
                Map.entry("at", "2026-12-04T23:00:00.123Z"), Map.entry("type", "login"), Map.entry("user", "admin"),
                Map.entry("source", "127.0.0.1"), Map.entry("method", "ssh"), Map.entry("result", "ok"));
        assertThat(events.get(1)).containsEntry("type", "transfer").containsEntry("direction", "download")
                .containsEntry("bytes", 1234L).containsEntry("seconds", 0.5).containsEntry("result", "Timed out");
    }

    @Test
    void sinceSkipsWhatWasReadAndSaysWhatTheRingLost() throws Exception {
        for (int i = 0; i < 5; i++) {
            log.publish("r1", new DeviceEvent.CommandEntered("c" + i, "exec", 15, "admin", 0));
        }
        Map<String, Object> body = body(get("/devices/r1/events", Map.of("since", List.of("0"))));
        assertThat(body).containsEntry("dropped", 2L).containsEntry("next", 5L);
        assertThat((List<?>) body.get("events")).hasSize(3);
        Map<String, Object> after = body(get("/events", Map.of("since", List.of("4"))));
        assertThat((List<?>) after.get("events")).hasSize(1);
    }

    @Test
    void unknownDeviceIs404AndABadSinceIs400NamingIt() {
        assertThatThrownBy(() -> get("/devices/r9/events", Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessage("no device r9");
        assertThatThrownBy(() -> get("/devices/r1/events", Map.of("since", List.of("yesterday"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).contains("since");
                });
        assertThatThrownBy(() -> get("/events", Map.of("since", List.of("-1"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).contains("since"));
        assertThatThrownBy(() -> get("/events", Map.of("follow", List.of("maybe"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).contains("follow"));
    }

    @Test
    void followStreamsJsonLinesAndStopsWhenTheReaderGoes() throws Exception {
        log.publish("r1", new DeviceEvent.Reload("Reload Command", "reload"));
        ApiResponse response = get("/devices/r1/events", Map.of("follow", List.of("true"), "since", List.of("0")));
        RecordingSink sink = new RecordingSink(2);
        ((ApiResponse.Lines) response).source().open(sink);
        log.publish("r1", new DeviceEvent.FaultFired("f1", "transfer", "fail", "timed-out"));
        log.publish("r1", new DeviceEvent.Verification("flash0:/x.bin", "valid", "CiscoSystems"));

        assertThat(sink.lines).hasSize(2);
        assertThat(sink.lines.get(0)).containsEntry("type", "reload").containsEntry("kind", "reload");
        assertThat(sink.lines.get(1)).containsEntry("type", "fault-fired").containsEntry("faultId", "f1")
                .containsEntry("faultType", "fail");
        assertThat(sink.refused).isEqualTo(1);
        assertThat(log.streamDrops()).isEqualTo(1);

        sink.close();
        assertThat(log.followers()).isZero();
    }

    /** A reader whose buffer holds {@code room} lines. */
    private static final class RecordingSink implements ApiResponse.LineSink {
        final List<Map<String, Object>> lines = Collections.synchronizedList(new ArrayList<>());
        final int room;
        int refused;
        boolean open = true;
        final List<Runnable> onClose = new ArrayList<>();

        RecordingSink(int room) {
            this.room = room;
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized boolean send(Object jsonDocument) {
            if (!open || lines.size() == room) {
                refused++;
                return false;
            }
            lines.add(new HashMap<>((Map<String, Object>) jsonDocument));
            return true;
        }

        @Override
        public synchronized boolean isOpen() {
            return open;
        }

        @Override
        public synchronized void onClose(Runnable action) {
            if (open) {
                onClose.add(action);
            } else {
                action.run();
            }
        }

        synchronized void close() {
            open = false;
            onClose.forEach(Runnable::run);
        }
    }
}
