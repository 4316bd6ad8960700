package dev.ioslab.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.device.Device;
import dev.ioslab.device.Platform;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device routes called directly, against a hand-written lifecycle that records what it was asked. */
class DeviceRoutesTest {

    @TempDir
    Path dir;

    private final List<String> asked = new ArrayList<>();
    private final Routes api = new Routes();
    private Device r1;
    private RuntimeException refuse;
    private CompletableFuture<DeviceLifecycle.State> outcome;

    @BeforeEach
    void register() throws Exception {
        r1 = new Device("r1", Platform.c3900("FGL161010K8"), dir.resolve("r1"), Clock.systemUTC());
        RackView rack = ListedRack.of(r1);
        outcome = CompletableFuture.completedFuture(DeviceLifecycle.State.BOOTING);
        DeviceLifecycle lifecycle = new DeviceLifecycle() {
            @Override
            public State state(String name) {
                return State.RUNNING;
            }

            @Override
            public Map<String, InetSocketAddress> addresses(String name) {
                return Map.of("ssh", new InetSocketAddress("127.0.0.1", 2201));
            }

            @Override
            public CompletionStage<State> reload(String name, String reason) {
                return answer("reload " + name + " " + reason);
            }

            @Override
            public CompletionStage<State> powerCycle(String name) {
                return answer("power-cycle " + name);
            }

            @Override
            public CompletionStage<State> stop(String name) {
                return answer("stop " + name);
            }

            @Override
            public CompletionStage<State> start(String name) {
                return answer("start " + name);
            }

            @Override
            public CompletionStage<State> reset(String name) {
                return answer("reset " + name);
            }

            private CompletionStage<State> answer(String request) {
                asked.add(request);
                if (refuse != null) {
                    throw refuse;
                }
                return outcome;
            }
        };
        new DeviceRoutes(rack, lifecycle, name -> List.of(Map.of("id", "f1", "device", name)), Runnable::run)
                .register(api);
    }

    private ApiResponse call(String method, String path, String body) throws Exception {
        Routes.Match match = api.match(method, path).orElseThrow();
        return match.handler().handle(new ApiRequest(method, path, match.pathParams(), Map.of(),
                body.getBytes(StandardCharsets.UTF_8))).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void reloadWithoutReasonIsTheReloadCommandAndAnswers202() throws Exception {
        ApiResponse response = call("POST", "/devices/r1/reload", "");

        assertThat(asked).containsExactly("reload r1 Reload Command");
        assertThat(response).isEqualTo(new ApiResponse.Json(202, new DeviceStatus.Accepted("r1", "booting")));
    }

    @Test
    void reloadReasonIsPassedOnStripped() throws Exception {
        call("POST", "/devices/r1/reload", "{\"reason\": \"  upgrade \"}");

        assertThat(asked).containsExactly("reload r1 upgrade");
    }

    @Test
    void overlongOrMultiLineReasonIs400NamingTheField() {
        for (String reason : List.of("x".repeat(DeviceRoutes.MAX_REASON + 1), "two\\nlines", "")) {
            assertThatThrownBy(() -> call("POST", "/devices/r1/reload", "{\"reason\": \"" + reason + "\"}"))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.field()).contains("reason");
                    });
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void eachLifecycleRouteAsksItsStep() throws Exception {
        for (String action : List.of("power-cycle", "stop", "start", "reset")) {
            assertThat(call("POST", "/devices/r1/" + action, "{}").status()).isEqualTo(202);
        }

        assertThat(asked).containsExactly("power-cycle r1", "stop r1", "start r1", "reset r1");
    }

    @Test
    void refusalNowOrLaterIs409WithTheReason() {
        refuse = new IllegalStateException("r1 is stopped");
        assertThatThrownBy(() -> call("POST", "/devices/r1/power-cycle", ""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessage("r1 is stopped");

        refuse = null;
        outcome = CompletableFuture.failedFuture(new IllegalStateException("r1 is being reset"));
        assertThatThrownBy(() -> call("POST", "/devices/r1/stop", ""))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessage("r1 is being reset");
    }

    @Test
    void unknownDeviceIs404AndNothingIsAsked() {
        assertThatThrownBy(() -> call("POST", "/devices/r9/reset", ""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessage("no device r9");
        assertThat(asked).isEmpty();
    }

    @Test
    void detailCarriesTheFaultsOfTheRegistry() throws Exception {
        ApiResponse response = call("GET", "/devices/r1", "");

        DeviceStatus.Detail detail = (DeviceStatus.Detail) ((ApiResponse.Json) response).body();
        assertThat(List.<Object>copyOf(detail.faults())).containsExactly(Map.of("id", "f1", "device", "r1"));
        assertThat(detail.addresses()).containsEntry("ssh", "127.0.0.1:2201");
        assertThat(detail.runningImage()).isNotNull();
        assertThat(detail.fileSystems()).extracting(DeviceStatus.FileSystemUsage::name).contains("flash0:", "nvram:");
    }

    @Test
    void aReloadBodyWithAnythingAfterItsObjectIsMalformed() {
        assertThatThrownBy(() -> call("POST", "/devices/r1/reload", "{\"reason\":\"upgrade\"} trailing"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
