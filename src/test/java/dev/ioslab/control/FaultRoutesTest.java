package dev.ioslab.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.device.Device;
import dev.ioslab.device.Platform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultRoutesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T23:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final Routes api = new Routes();
    private final FaultPlans plans = new FaultPlans(CLOCK, new Random(1));

    @BeforeEach
    void register() throws Exception {
        Device r1 = new Device("r1", Platform.c3900("FGL161010K8"), dir.resolve("r1"), CLOCK);
        new FaultRoutes(plans, ListedRack.of(r1)).register(api);
    }

    private ApiResponse call(String method, String path, String body) throws Exception {
        Routes.Match match = api.match(method, path).orElseThrow();
        return match.handler().handle(new ApiRequest(method, path, match.pathParams(), Map.of(),
                body.getBytes(StandardCharsets.UTF_8))).toCompletableFuture().get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(ApiResponse response) {
        return (Map<String, Object>) ((ApiResponse.Json) response).body();
    }

    @Test
    void addAnswers201WithTheFaultAsTheContractShowsIt() throws Exception {
        ApiResponse created = call("POST", "/devices/r1/faults", """
                {"kind":"transfer","type":"stall-after-bytes","bytes":4096,"count":2,"probability":0.5,
                 "match":{"url":"ftp://*/images/*","protocol":"ftp"}}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(json(created)).containsExactly(Map.entry("id", "f1"), Map.entry("device", "r1"),
                Map.entry("kind", "transfer"), Map.entry("type", "stall-after-bytes"), Map.entry("bytes", 4096L),
                Map.entry("count", 2L), Map.entry("untilRemoved", false), Map.entry("probability", 0.5),
                Map.entry("match", Map.of("url", "ftp://*/images/*", "protocol", "ftp")), Map.entry("fired", 0L),
                Map.entry("createdAt", "2026-12-04T23:00:00Z"));
    }

    @Test
    void defaultsToOneFiringAlwaysOnEverything() throws Exception {
        Map<String, Object> fault = json(call("POST", "/devices/r1/faults",
                "{\"kind\":\"transfer\",\"type\":\"fail\",\"reason\":\"timed-out\"}"));

        assertThat(fault).containsEntry("count", 1L).containsEntry("untilRemoved", false)
                .containsEntry("probability", 1.0).containsEntry("match", Map.of()).containsEntry("reason",
                        "timed-out");
        Map<String, Object> forever = json(call("POST", "/devices/r1/faults",
                "{\"kind\":\"session\",\"type\":\"refuse-logins\",\"untilRemoved\":true}"));
        assertThat(forever).containsEntry("untilRemoved", true).containsEntry("count", null);
    }

    @Test
    void listsPerDeviceAndForTheRackThenDeletesAndResets() throws Exception {
        call("POST", "/devices/r1/faults", "{\"kind\":\"flash\",\"type\":\"read-only\"}");
        call("POST", "/devices/r1/faults", "{\"kind\":\"boot\",\"type\":\"boot-time\",\"seconds\":5}");

        assertThat((List<?>) ((ApiResponse.Json) call("GET", "/devices/r1/faults", "")).body()).hasSize(2);
        assertThat((List<?>) ((ApiResponse.Json) call("GET", "/faults", "")).body()).hasSize(2);
        ApiResponse deleted = call("DELETE", "/faults/f1", "");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(((ApiResponse.Json) deleted).body()).isNull();
        assertThat(json(call("POST", "/reset", ""))).isEqualTo(Map.of("removed", 1));
        assertThat((List<?>) ((ApiResponse.Json) call("GET", "/faults", "")).body()).isEmpty();
    }

    @Test
    void unknownDeviceAndFaultAre404() {
        assertThatThrownBy(() -> call("POST", "/devices/r9/faults", "{\"kind\":\"flash\",\"type\":\"read-only\"}"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("no device r9");
                });
        assertThatThrownBy(() -> call("GET", "/devices/r9/faults", ""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> call("DELETE", "/faults/f77", ""))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("no fault f77");
                });
    }

    @Test
    void everyBadInputIs400NamingTheField() {
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("{", "body");
        bodies.put("[1]", "body");
        bodies.put("{\"type\":\"fail\"}", "kind");
        bodies.put("{\"kind\":\"network\",\"type\":\"fail\"}", "kind");
        bodies.put("{\"kind\":\"transfer\",\"type\":\"explode\"}", "type");
        bodies.put("{\"kind\":\"flash\",\"type\":\"fail\",\"reason\":\"timed-out\"}", "type");
        bodies.put("{\"kind\":\"transfer\",\"type\":\"fail\"}", "reason");
        bodies.put("{\"kind\":\"transfer\",\"type\":\"fail\",\"reason\":\"gremlins\"}", "reason");
        bodies.put("{\"kind\":\"transfer\",\"type\":\"stall-after-bytes\"}", "bytes");
        bodies.put("{\"kind\":\"transfer\",\"type\":\"stall-after-bytes\",\"bytes\":-1}", "bytes");
        bodies.put("{\"kind\":\"transfer\",\"type\":\"stall-after-bytes\",\"bytes\":\"10\"}", "bytes");
        bodies.put("{\"kind\":\"transfer\",\"type\":\"corrupt-byte-at\",\"offset\":1.5}", "offset");
        bodies.put("{\"kind\":\"transfer\",\"type\":\"bandwidth\",\"bytesPerSecond\":0}", "bytesPerSecond");
        bodies.put("{\"kind\":\"transfer\",\"type\":\"latency\",\"ms\":99999999}", "ms");
        bodies.put("{\"kind\":\"boot\",\"type\":\"boot-time\",\"seconds\":86400}", "seconds");
        bodies.put("{\"kind\":\"flash\",\"type\":\"read-only\",\"bytes\":3}", "bytes");
        bodies.put("{\"kind\":\"flash\",\"type\":\"read-only\",\"colour\":\"red\"}", "colour");
        bodies.put("{\"kind\":\"flash\",\"type\":\"read-only\",\"count\":0}", "count");
        bodies.put("{\"kind\":\"flash\",\"type\":\"read-only\",\"count\":2,\"untilRemoved\":true}", "count");
        bodies.put("{\"kind\":\"flash\",\"type\":\"read-only\",\"untilRemoved\":\"yes\"}", "untilRemoved");
        bodies.put("{\"kind\":\"flash\",\"type\":\"read-only\",\"probability\":1.5}", "probability");
        bodies.put("{\"kind\":\"flash\",\"type\":\"read-only\",\"match\":\"flash0:\"}", "match");
        bodies.put("{\"kind\":\"flash\",\"type\":\"read-only\",\"match\":{\"url\":\"ftp://*\"}}", "match.url");
        bodies.put("{\"kind\":\"transfer\",\"type\":\"fail\",\"reason\":\"timed-out\",\"match\":{\"protocol\":"
                + "\"http\"}}", "match.protocol");
        bodies.put("{\"kind\":\"transfer\",\"type\":\"fail\",\"reason\":\"timed-out\",\"match\":{\"url\":\"\"}}",
                "match.url");
        bodies.put("{\"kind\":\"session\",\"type\":\"drop-all\",\"match\":{\"fileSystem\":\"flash0:\"}}",
                "match.fileSystem");
        bodies.forEach((body, field) -> assertThatThrownBy(() -> call("POST", "/devices/r1/faults", body))
                .as(body).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).hasValue(field);
                }));
        assertThat(plans.list()).isEmpty();
    }

    @Test
    void dropAllActsAtOnceAndIsAnsweredFiredOnce() throws Exception {
        Map<String, Object> fault = json(call("POST", "/devices/r1/faults",
                "{\"kind\":\"session\",\"type\":\"drop-all\"}"));

        assertThat(fault).containsEntry("fired", 1L);
        assertThat(plans.active("r1")).isEmpty();
    }

    @Test
    void eachDropAllFiresItselfWhenAddedEvenAfterAnOlderOneThatStillHasFirings() throws Exception {
        Map<String, Object> first = json(call("POST", "/devices/r1/faults",
                "{\"kind\":\"session\",\"type\":\"drop-all\",\"untilRemoved\":true}"));
        Map<String, Object> second = json(call("POST", "/devices/r1/faults",
                "{\"kind\":\"session\",\"type\":\"drop-all\"}"));

        assertThat(first).containsEntry("fired", 1L);
        assertThat(second).as("the fault just added is the one that acted").containsEntry("fired", 1L);
        assertThat(plans.list("r1")).extracting(FaultView::id, FaultView::fired)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("f1", 1L),
                        org.assertj.core.groups.Tuple.tuple("f2", 1L));
        assertThat(plans.active("r1")).extracting(FaultView::id).containsExactly("f1");
    }

    @Test
    void aListedFaultPostedBackAsItIsShownIsAccepted() throws Exception {
        Map<String, Object> forever = json(call("POST", "/devices/r1/faults",
                "{\"kind\":\"flash\",\"type\":\"read-only\",\"untilRemoved\":true}"));
        assertThat(forever).containsEntry("count", null);

        ApiResponse again = call("POST", "/devices/r1/faults",
                "{\"kind\":\"flash\",\"type\":\"read-only\",\"count\":null,\"untilRemoved\":true}");

        assertThat(again.status()).isEqualTo(201);
        assertThat(json(again)).containsEntry("count", null).containsEntry("untilRemoved", true);
    }

    @Test
    void aBodyWithAnythingAfterItsObjectIsMalformed() {
        for (String body : List.of(
                "{\"kind\":\"session\",\"type\":\"refuse-logins\"} {\"kind\":\"session\",\"type\":\"drop-all\"}",
                "{\"kind\":\"session\",\"type\":\"refuse-logins\"}]")) {
            assertThatThrownBy(() -> call("POST", "/devices/r1/faults", body)).as(body)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.field()).hasValue("body");
                    });
        }
        assertThat(plans.list()).isEmpty();
    }
}
