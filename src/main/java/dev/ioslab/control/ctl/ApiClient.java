package dev.ioslab.control.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One call of {@code ctl} to the control API: sends it with the bearer token when one is given, prints the JSON
 * answer (indented) to {@code out} and an error to {@code err}, and turns the outcome into the exit status: 0 done,
 * 1 the API refused the call, 2 the API cannot be reached. Threading: one instance per command, one thread.
 */
final class ApiClient {

    static final int OK = 0;
    static final int API_ERROR = 1;
    static final int UNREACHABLE = 2;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final Optional<String> token;
    private final PrintWriter out;
    private final PrintWriter err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param base  the daemon's API root, such as {@code http://127.0.0.1:2280} ({@code /api/v1} is added)
     * @param token the bearer token, if the API wants one
     */
    ApiClient(URI base, Optional<String> token, PrintWriter out, PrintWriter err) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token.filter(t -> !t.isBlank());
        this.out = out;
        this.err = err;
    }

    /** Sends {@code method path} (below {@code /api/v1}) with {@code body} (a JSON document, or null) and prints. */
    int call(String method, String path, Object body) {
        HttpRequest request;
        try {
            request = request(path).timeout(CALL_TIMEOUT).method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        } catch (IOException e) {
            err.println("ctl: cannot encode the request: " + e.getMessage());
            return UNREACHABLE;
        } catch (IllegalArgumentException e) {
            err.println("ctl: bad URL " + base + ": " + e.getMessage());
            return UNREACHABLE;
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        }
        if (response.statusCode() >= 400) {
            return refused(response.statusCode(), response.body());
        }
        if (!response.body().isBlank()) {
            out.println(pretty(response.body()));
        }
        out.flush();
        return OK;
    }

    /** GETs {@code path} as a stream of JSON lines and prints each as it comes, until the server ends it. */
    int follow(String path) {
        HttpRequest request;
        try {
            request = request(path).GET().build();
        } catch (IllegalArgumentException e) {
            err.println("ctl: bad URL " + base + ": " + e.getMessage());
            return UNREACHABLE;
        }
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() >= 400) {
                String body;
                try (Stream<String> lines = response.body()) {
                    body = String.join("\n", lines.toList());
                }
                return refused(response.statusCode(), body);
            }
            try (Stream<String> lines = response.body()) {
                lines.filter(l -> !l.isBlank()).forEach(line -> {
                    out.println(line);
                    out.flush();
                });
            }
            return OK;
        } catch (IOException | java.io.UncheckedIOException e) {
            return unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/v1" + path))
                .header("Accept", "application/json");
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        builder.header("Content-Type", "application/json");
        return builder;
    }

    private int refused(int status, String body) {
        String message = body;
        try {
            JsonNode error = json.readTree(body);
            if (error != null && error.hasNonNull("error")) {
                message = error.get("error").asText()
                        + (error.hasNonNull("field") ? " (field " + error.get("field").asText() + ")" : "");
            }
        } catch (IOException notJson) {
            // The body is printed as it came.
        }
        err.println("error " + status + ": " + message);
        err.flush();
        return API_ERROR;
    }

    private int unreachable(Exception e) {
        String reason = e instanceof java.net.ConnectException ? "connection refused"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("ctl: cannot reach the control API at " + base + ": " + reason
                + " (is the daemon running with control.enabled: true?)");
        err.flush();
        return UNREACHABLE;
    }

    private String pretty(String body) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(body));
        } catch (IOException notJson) {
            return body;
        }
    }
}
