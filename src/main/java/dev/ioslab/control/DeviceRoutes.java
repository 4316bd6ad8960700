package dev.ioslab.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioslab.device.ActiveLine;
import dev.ioslab.device.Device;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.SpaceUsage;
import dev.ioslab.image.StoredKey;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device routes of the control API: {@code GET /devices}, {@code GET /devices/{name}} and the lifecycle requests
 * {@code POST /devices/{name}/reload|power-cycle|stop|start|reset} (202 with the device's state). An unknown device
 * is 404 {@code {"error":"no device r9"}}, a malformed body 400, a request the device's state does not allow now 409.
 *
 * <p>Threading: handlers run on the server's event loop. The list is built there from in-memory state; a device's
 * details (which count flash usage on disk) are built on the {@code blocking} executor, and lifecycle requests
 * complete when the rack has done the part the caller may rely on (the device unreachable, or reset on disk).
 */
public final class DeviceRoutes {

    /** Longest {@code reason} accepted: what {@code show version} would print in one line. */
    static final int MAX_REASON = 200;
    private static final Logger LOG = LoggerFactory.getLogger(DeviceRoutes.class);

    private final RackView rack;
    private final DeviceLifecycle lifecycle;
    private final Function<String, List<?>> activeFaults;
    private final Executor blocking;
    /** One JSON object and nothing after it: a second document or a stray bracket is a malformed body. */
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * @param rack         the devices by name
     * @param lifecycle    their power switch
     * @param activeFaults a device's active faults as JSON-ready values (the fault registry's view); may return an
     *                     empty list
     * @param blocking     where disk work runs (never an event loop)
     */
    public DeviceRoutes(RackView rack, DeviceLifecycle lifecycle, Function<String, List<?>> activeFaults,
                        Executor blocking) {
        this.rack = rack;
        this.lifecycle = lifecycle;
        this.activeFaults = activeFaults;
        this.blocking = blocking;
    }

    /** As {@link #DeviceRoutes(RackView, DeviceLifecycle, Function, Executor)} with no fault registry. */
    public DeviceRoutes(RackView rack, DeviceLifecycle lifecycle, Executor blocking) {
        this(rack, lifecycle, name -> List.of(), blocking);
    }

    /** Adds the device routes to {@code api} (paths below {@code /api/v1}). */
    public void register(Routes api) {
        api.add("GET", "/devices", request -> CompletableFuture.completedFuture(
                ApiResponse.ok(rack.devices().stream().map(this::summary).toList())));
        api.add("GET", "/devices/{name}", request -> {
            Device device = device(request);
            return CompletableFuture.supplyAsync(() -> ApiResponse.ok(detail(device)), blocking);
        });
        api.add("POST", "/devices/{name}/reload", request -> {
            Device device = device(request);
            String reason = reason(request);
            return accepted(device, () -> lifecycle.reload(device.name(), reason));
        });
        api.add("POST", "/devices/{name}/power-cycle", request -> action(request, lifecycle::powerCycle));
        api.add("POST", "/devices/{name}/stop", request -> action(request, lifecycle::stop));
        api.add("POST", "/devices/{name}/start", request -> action(request, lifecycle::start));
        api.add("POST", "/devices/{name}/reset", request -> action(request, lifecycle::reset));
    }

    private CompletionStage<ApiResponse> action(ApiRequest request,
                                                Function<String, CompletionStage<DeviceLifecycle.State>> step)
            throws ApiException {
        Device device = device(request);
        fields(request, List.of());
        return accepted(device, () -> step.apply(device.name()));
    }

    private interface Step {
        CompletionStage<DeviceLifecycle.State> run();
    }

    private static CompletionStage<ApiResponse> accepted(Device device, Step step) throws ApiException {
        CompletionStage<DeviceLifecycle.State> done;
        try {
            done = step.run();
        } catch (IllegalStateException refused) {
            throw new ApiException(409, refused.getMessage());
        }
        return done.handle((state, failure) -> {
            if (failure == null) {
                return (ApiResponse) new ApiResponse.Json(202,
                        new DeviceStatus.Accepted(device.name(), state.label()));
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof IllegalStateException refused) {
                throw new CompletionException(new ApiException(409, refused.getMessage()));
            }
            LOG.error("{}: lifecycle request failed: {}", device.name(), cause.toString(), cause);
            throw new CompletionException(cause);
        });
    }

    private Device device(ApiRequest request) throws ApiException {
        String name = request.pathParam("name");
        return rack.device(name).orElseThrow(() -> ApiException.notFound("no device " + name));
    }

    /** The optional {@code reason} of a reload; {@code Reload Command} (as the {@code reload} command) without one. */
    private String reason(ApiRequest request) throws ApiException {
        JsonNode body = fields(request, List.of("reason"));
        JsonNode reason = body == null ? null : body.get("reason");
        if (reason == null || reason.isNull()) {
            return "Reload Command";
        }
        if (!reason.isTextual()) {
            throw ApiException.badRequest("reason", "reason must be a string");
        }
        String text = reason.asText().strip();
        if (text.isEmpty() || text.length() > MAX_REASON || text.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("reason", "reason must be 1 to " + MAX_REASON
                    + " printable characters on one line");
        }
        return text;
    }

    /**
     * The body as a JSON object with only {@code allowed} fields; {@code null} for an empty body.
     *
     * @throws ApiException 400 for a body that is not a JSON object, or names a field not allowed
     */
    private JsonNode fields(ApiRequest request, List<String> allowed) throws ApiException {
        if (request.bodyText().isBlank()) {
            return null;
        }
        JsonNode body;
        try {
            body = json.readTree(request.bodyText());
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed JSON body: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new ApiException(400, "the body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!allowed.contains(field)) {
                throw ApiException.badRequest(field, "unknown field " + field
                        + (allowed.isEmpty() ? "; this request takes no body" : "; allowed: " + allowed));
            }
        }
        return body;
    }

    private DeviceStatus.Summary summary(Device device) {
        DeviceLifecycle.State state = lifecycle.state(device.name());
        boolean running = state == DeviceLifecycle.State.RUNNING;
        long uptime = running ? Math.max(0, Duration.between(device.bootTime(), device.clock().instant())
                .toSeconds()) : 0;
        return new DeviceStatus.Summary(device.name(), state.label(), addresses(device.name()),
                running ? device.runningImage().path() : null, uptime, sessions(device));
    }

    private DeviceStatus.Detail detail(Device device) {
        DeviceStatus.Summary s = summary(device);
        List<?> faults = Objects.requireNonNullElse(activeFaults.apply(device.name()), List.of());
        return new DeviceStatus.Detail(s.name(), s.state(), s.addresses(), s.runningImage(), s.uptimeSeconds(),
                s.sessions(), device.lastReloadReason(), device.rommonReason().orElse(null), fileSystems(device),
                keys(device), List.copyOf(faults));
    }

    private Map<String, String> addresses(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, InetSocketAddress> e : lifecycle.addresses(name).entrySet()) {
            InetSocketAddress a = e.getValue();
            String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
            out.put(e.getKey(), (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort());
        }
        return out;
    }

    private static Map<String, Integer> sessions(Device device) {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("ssh", 0);
        out.put("telnet", 0);
        for (ActiveLine line : device.activeLines()) {
            if (!line.protocol().isEmpty()) {
                out.merge(line.protocol(), 1, Integer::sum);
            }
        }
        return out;
    }

    private static List<DeviceStatus.FileSystemUsage> fileSystems(Device device) {
        List<DeviceStatus.FileSystemUsage> out = new ArrayList<>();
        // A device never used keeps nothing on disk; looking at it must not create its folders.
        device.storage().factoryUsage().forEach((prefix, space) -> out.add(new DeviceStatus.FileSystemUsage(prefix,
                space.capacity(), space.free(), space.used())));
        if (!out.isEmpty()) {
            return out;
        }
        for (IosFileSystem fs : device.fileSystems().fileSystems()) {
            if (!fs.hasStorage()) {
                continue;
            }
            try {
                SpaceUsage space = fs.space();
                out.add(new DeviceStatus.FileSystemUsage(fs.spec().prefix(), space.capacity(), space.free(),
                        space.used()));
            } catch (FsException e) {
                LOG.warn("{}: cannot count {}: {}", device.name(), fs.spec().prefix(), e.getMessage());
            }
        }
        return out;
    }

    private static DeviceStatus.KeySummary keys(Device device) {
        List<StoredKey> stored = device.softwareAuthenticity().keys().list();
        List<DeviceStatus.Key> keys = stored.stream().map(k -> new DeviceStatus.Key(k.key().type().label(),
                String.valueOf(k.key().version()), k.state().name().toLowerCase(Locale.ROOT))).toList();
        int active = (int) stored.stream().filter(StoredKey::isActive).count();
        return new DeviceStatus.KeySummary(active, stored.size() - active, keys);
    }
}
