package dev.ioslab.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.0 description of every route of the control API, a hand-written
 * resource ({@value #RESOURCE}) read once at construction. Threading: immutable; the handler answers at once.
 */
public final class OpenApiRoute {

    /** Where the document lives on the class path. */
    public static final String RESOURCE = "/dev/ioslab/control/openapi.json";

    private final String document;

    public OpenApiRoute() {
        this.document = load();
    }

    /** The document as served. */
    public static String load() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Adds {@code GET /openapi.json} to {@code api}. */
    public void register(Routes api) {
        api.add("GET", "/openapi.json", request -> CompletableFuture.completedFuture(
                new ApiResponse.Text(200, "application/json; charset=utf-8", document)));
    }
}
