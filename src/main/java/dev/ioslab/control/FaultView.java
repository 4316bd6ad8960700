package dev.ioslab.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A planned fault as the API shows it: id, device, the plan, how often it has fired and when it was added. A
 * snapshot; immutable.
 *
 * @param remaining how many more times it may fire ({@code Long.MAX_VALUE} until removed)
 * @param createdAt ISO-8601 instant
 */
public record FaultView(String id, String device, FaultSpec spec, long fired, long remaining, String createdAt) {

    /** Whether it can still fire. */
    public boolean active() {
        return remaining > 0;
    }

    /**
     * The API's JSON object: {@code {"id","device","kind","type",<parameters>,"count","untilRemoved","probability",
     * "match","fired","createdAt"}} ({@code count} is null for a fault that fires until removed).
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("device", device);
        json.put("kind", spec.type().kind().label());
        json.put("type", spec.type().label());
        json.putAll(spec.parameters());
        json.put("count", spec.untilRemoved() ? null : spec.count());
        json.put("untilRemoved", spec.untilRemoved());
        json.put("probability", spec.probability());
        json.put("match", spec.match().toJson());
        json.put("fired", fired);
        json.put("createdAt", createdAt);
        return json;
    }
}
