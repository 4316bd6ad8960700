package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioslab.config.ControlSettings;
import dev.ioslab.config.DaemonSettings;
import dev.ioslab.config.ImageRepositorySettings;
import dev.ioslab.config.IoslabConfig;
import dev.ioslab.config.TransferDefaults;
import dev.ioslab.control.Routes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Who may reach the control API, and that its OpenAPI document describes every route the daemon serves. */
@Timeout(120)
class ControlApiAccessTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void withATokenEveryCallWithoutItIs401() throws Exception {
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1, false,
                RackFixture.controlOnLoopback(Optional.of(TOKEN)))) {
            HttpResponse<String> anonymous = get(rack.api() + "/devices", null);
            HttpResponse<String> wrong = get(rack.api() + "/devices/r1", "not-the-token-at-all");
            HttpResponse<String> bearer = get(rack.api() + "/devices", TOKEN);

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(json.readTree(anonymous.body()).has("error")).isTrue();
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(bearer.statusCode()).isEqualTo(200);
            assertThat(json.readTree(bearer.body()).findValuesAsText("name")).containsExactly("r1");
        }
    }

    @Test
    void openApiDocumentDescribesEveryRouteTheDaemonServes() throws Exception {
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1, false,
                RackFixture.controlOnLoopback(Optional.empty()))) {
            HttpResponse<String> response = get(rack.api() + "/openapi.json", null);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode document = json.readTree(response.body());
            assertThat(document.get("openapi").asText()).startsWith("3.0");
            assertThat(document.get("servers").get(0).get("url").asText()).isEqualTo("/api/v1");
            JsonNode paths = document.get("paths");
            List<Routes> routes = rack.daemon.controlRoutes();
            assertThat(routes.get(0).all()).isNotEmpty();
            for (Routes.Route route : routes.get(0).all()) {
                assertThat(paths.path(route.pattern()).has(route.method().toLowerCase(Locale.ROOT)))
                        .as(route.method() + " /api/v1" + route.pattern() + " in openapi.json").isTrue();
            }
            for (Routes.Route route : routes.get(1).all()) {
                JsonNode path = paths.path(route.pattern());
                assertThat(path.has(route.method().toLowerCase(Locale.ROOT)))
                        .as(route.method() + " " + route.pattern() + " in openapi.json").isTrue();
                assertThat(path.path("servers").path(0).path("url").asText())
                        .as(route.pattern() + " is served outside /api/v1").isEqualTo("/");
            }
        }
    }

    @Test
    void daemonRefusesTheApiOnANonLoopbackAddressWithoutToken() {
        IoslabConfig config = new IoslabConfig(new DaemonSettings(dir.resolve("var"), Path.of("conf/logback.xml"), 1,
                "127.0.0.1", Duration.ofSeconds(30), 1, Duration.ofMillis(200)), List.of(),
                new ImageRepositorySettings(false, "127.0.0.1", 0, 0, dir.resolve("images")),
                TransferDefaults.DEFAULTS, new ControlSettings(true, "0.0.0.0", 0, Optional.empty()));
        Daemon daemon = new Daemon(config, Path.of("").toAbsolutePath(), Clock.systemUTC());

        assertThatThrownBy(daemon::start).isInstanceOf(IOException.class)
                .hasMessage("control API on 0.0.0.0 is not on a loopback address and has no token; set "
                        + "control.token or control.address: 127.0.0.1");
        assertThat(daemon.controlAddress()).isEmpty();
        daemon.close();
    }

    @Test
    void mainExitsWithStatus2ForANonLoopbackApiWithoutToken() throws IOException {
        Path yaml = dir.resolve("open.yaml");
        Files.writeString(yaml, "control:\n  enabled: true\n  address: 0.0.0.0\n", StandardCharsets.UTF_8);

        int status = new picocli.CommandLine(new Main()).execute(yaml.toString());

        assertThat(status).isEqualTo(Main.EXIT_CONFIG);
    }

    private HttpResponse<String> get(String uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
