package dev.ioslab.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fault as planned, before it has an id: its type, its parameters (JSON name to value: a {@code Long}, or the
 * {@code reason} text), how many times it fires ({@code count}, ignored when {@code untilRemoved}), the probability
 * that it fires when it could, and what it matches. Immutable; {@link FaultRequest} builds it from an API body.
 */
public record FaultSpec(FaultType type, Map<String, Object> parameters, long count, boolean untilRemoved,
                        double probability, FaultMatch match) {

    public FaultSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(match, "match");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        if (!parameters.keySet().containsAll(type.parameters())) {
            throw new IllegalArgumentException(type.label() + " needs " + type.parameters());
        }
        if (!untilRemoved && count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1: " + probability);
        }
    }

    /** A fault that fires once, always, on everything. */
    public static FaultSpec once(FaultType type, Map<String, Object> parameters) {
        return new FaultSpec(type, parameters, 1, false, 1.0, FaultMatch.ANY);
    }

    /** The whole-number parameter {@code name}. */
    public long number(String name) {
        return (Long) parameters.get(name);
    }

    /** The text parameter {@code name}. */
    public String text(String name) {
        return (String) parameters.get(name);
    }
}
