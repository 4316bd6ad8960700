package dev.ioslab.control;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The control API's routing table: a method and a path pattern such as {@code /devices/{name}/faults} (segments in
 * braces match one non-empty segment and are handed to the handler decoded) to a handler. Routes are added while the
 * daemon wires the API and only read afterwards. Threading: {@link #add} before the server starts; {@link #match}
 * from any thread.
 */
public final class Routes {

    private final List<Route> routes = new ArrayList<>();

    /** One registered route. */
    public record Route(String method, String pattern, ApiHandler handler) {
    }

    /** A route found for a path, with the placeholder values. */
    public record Match(ApiHandler handler, Map<String, String> pathParams) {
    }

    /** Registers {@code handler} for {@code method} on {@code pattern}; a pattern and method may be added once. */
    public synchronized Routes add(String method, String pattern, ApiHandler handler) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("pattern must start with /: " + pattern);
        }
        for (Route r : routes) {
            if (r.method.equals(method) && r.pattern.equals(pattern)) {
                throw new IllegalArgumentException("route added twice: " + method + " " + pattern);
            }
        }
        routes.add(new Route(method, pattern, handler));
        return this;
    }

    /** Every route in the order added (for the OpenAPI document and tests). */
    public synchronized List<Route> all() {
        return List.copyOf(routes);
    }

    /** The route for {@code method} and the raw (still percent-encoded) {@code path}, if any. */
    public synchronized Optional<Match> match(String method, String path) {
        String[] segments = split(path);
        for (Route r : routes) {
            if (!r.method.equals(method)) {
                continue;
            }
            Optional<Map<String, String>> params = bind(split(r.pattern), segments);
            if (params.isPresent()) {
                return Optional.of(new Match(r.handler, params.get()));
            }
        }
        return Optional.empty();
    }

    /** The methods some route allows on {@code path} (to tell 405 from 404). */
    public synchronized Set<String> methodsFor(String path) {
        String[] segments = split(path);
        Set<String> methods = new LinkedHashSet<>();
        for (Route r : routes) {
            if (bind(split(r.pattern), segments).isPresent()) {
                methods.add(r.method);
            }
        }
        return methods;
    }

    private static Optional<Map<String, String>> bind(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                String value;
                try {
                    value = URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformedEscape) {
                    return Optional.empty();
                }
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                params.put(p.substring(1, p.length() - 1), value);
            } else if (!p.equals(segments[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
