package dev.ioslab.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioslab.device.Device;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The fault routes of the control API (below {@code /api/v1}): {@code POST /devices/{name}/faults} (201 with the
 * fault; a {@code session drop-all} acts at once), {@code GET /devices/{name}/faults}, {@code GET /faults},
 * {@code DELETE /faults/{id}} (204) and {@code POST /reset} ({@code {"removed": n}}). Unknown devices and faults are
 * 404, bad bodies 400 naming the field.
 *
 * <p>Threading: handlers run on the server's event loop and only touch the lock-free {@link FaultPlans} and, for
 * {@code drop-all}, close the device's sessions (non-blocking).
 */
public final class FaultRoutes {

    private final FaultPlans plans;
    private final RackView rack;
    private final FaultRequest requests = new FaultRequest(new ObjectMapper());

    public FaultRoutes(FaultPlans plans, RackView rack) {
        this.plans = plans;
        this.rack = rack;
    }

    /** Adds the fault routes to {@code api}. */
    public void register(Routes api) {
        api.add("POST", "/devices/{name}/faults", this::add)
                .add("GET", "/devices/{name}/faults", r -> done(ApiResponse.ok(
                        plans.list(device(r).name()).stream().map(FaultView::toJson).toList())))
                .add("GET", "/faults", r -> done(ApiResponse.ok(plans.list().stream().map(FaultView::toJson)
                        .toList())))
                .add("DELETE", "/faults/{id}", this::remove)
                .add("POST", "/reset", r -> done(ApiResponse.ok(Map.of("removed", plans.reset()))));
    }

    private CompletionStage<ApiResponse> add(ApiRequest request) throws ApiException {
        Device device = device(request);
        FaultSpec spec = requests.parse(request.body());
        FaultView added = plans.add(device.name(), spec);
        if (spec.type() == FaultType.DROP_ALL) {
            int sessions = device.activeLines().size();
            if (plans.fireAdded(device.name(), added.id(), sessions + " sessions").isPresent()) {
                device.hangUpAll();
            }
        }
        // The counters as they are now: a drop-all has already fired (unless its probability said no).
        String id = added.id();
        FaultView now = plans.list(device.name()).stream().filter(f -> f.id().equals(id)).findFirst().orElse(added);
        return done(new ApiResponse.Json(201, now.toJson()));
    }

    private CompletionStage<ApiResponse> remove(ApiRequest request) throws ApiException {
        String id = request.pathParam("id");
        if (!plans.remove(id)) {
            throw ApiException.notFound("no fault " + id);
        }
        return done(new ApiResponse.Json(204, null));
    }

    private Device device(ApiRequest request) throws ApiException {
        String name = request.pathParam("name");
        return rack.device(name).orElseThrow(() -> ApiException.notFound("no device " + name));
    }

    private static CompletionStage<ApiResponse> done(ApiResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
