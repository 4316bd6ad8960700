package dev.ioslab.control;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP call to the control API, parsed: its method, the path below {@code /api/v1} (or the root path for
 * {@code /metrics}), the values of the route's {@code {placeholders}}, the query parameters and the body bytes.
 * Immutable.
 *
 * @param method     {@code GET}, {@code POST}, {@code DELETE} …, upper case
 * @param path       the decoded request path without the query
 * @param pathParams route placeholder name to decoded value
 * @param query      query parameter name to its values in order
 * @param body       the request body, empty when there is none
 */
public record ApiRequest(String method, String path, Map<String, String> pathParams,
                         Map<String, List<String>> query, byte[] body) {

    public ApiRequest {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        body = body.clone();
    }

    /** The value of the route placeholder {@code name}; routing guarantees it is present for the matched route. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no placeholder " + name);
        }
        return value;
    }

    /** The first value of query parameter {@code name}. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
