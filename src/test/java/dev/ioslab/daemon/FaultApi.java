package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.control.ApiRequest;
import dev.ioslab.control.ApiResponse;
import dev.ioslab.control.EventLog;
import dev.ioslab.control.FaultRoutes;
import dev.ioslab.control.ListedRack;
import dev.ioslab.control.LoggedEvent;
import dev.ioslab.control.Routes;
import dev.ioslab.device.DeviceEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The fault routes of a {@link RackFixture}'s daemon, called as the control server calls them: a JSON body in, the
 * response out.
 */
final class FaultApi {

    private final Routes api = new Routes();
    private final RackFixture rack;

    FaultApi(RackFixture rack) {
        this.rack = rack;
        new FaultRoutes(rack.daemon.faultPlans(), new ListedRack(() -> rack.daemon.devices().stream().map(s -> s.device()).toList())).register(api);
    }

    /** {@code POST /devices/{device}/faults} with {@code json}; the created fault. */
    @SuppressWarnings("unchecked")
    Map<String, Object> add(String device, String json) throws Exception {
        return (Map<String, Object>) ((ApiResponse.Json) call("POST", "/devices/" + device + "/faults", json)).body();
    }

    /** {@code GET /devices/{device}/faults}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String device) throws Exception {
        return (List<Map<String, Object>>) ((ApiResponse.Json) call("GET", "/devices/" + device + "/faults", ""))
                .body();
    }

    /**
     * {@code POST /reset}; how many faults were removed. First checks the event stream: every fault that fired has
     * its {@code fault-fired} events in its device's log, as many as it fired.
     */
    @SuppressWarnings("unchecked")
    int reset() throws Exception {
        for (Map<String, Object> fault : (List<Map<String, Object>>) ((ApiResponse.Json) call("GET", "/faults", ""))
                .body()) {
            long fired = ((Number) fault.get("fired")).longValue();
            String id = (String) fault.get("id");
            long logged = rack.daemon.eventLog().since((String) fault.get("device"), 0, EventLog.DEFAULT_CAPACITY)
                    .events().stream().map(LoggedEvent::event)
                    .filter(e -> e instanceof DeviceEvent.FaultFired f && f.faultId().equals(id)).count();
            assertThat(logged).as("fault-fired events of %s", fault).isEqualTo(fired);
        }
        return (Integer) ((Map<String, Object>) ((ApiResponse.Json) call("POST", "/reset", "")).body())
                .get("removed");
    }

    private ApiResponse call(String method, String path, String body) throws Exception {
        Routes.Match match = api.match(method, path).orElseThrow();
        return match.handler().handle(new ApiRequest(method, path, match.pathParams(), Map.of(),
                body.getBytes(StandardCharsets.UTF_8))).toCompletableFuture().get();
    }
}
