package dev.ioslab.control;

import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /metrics} (a root route, outside {@code /api/v1}): the {@link Metrics} exposition as
 * {@code text/plain; version=0.0.4}. Threading: answered on the calling event loop; a scrape only reads counters and
 * line tables.
 */
public final class MetricsRoutes {

    private final Metrics metrics;

    public MetricsRoutes(Metrics metrics) {
        this.metrics = metrics;
    }

    /** Adds {@code GET /metrics} to the root routes. */
    public void register(Routes root) {
        root.add("GET", "/metrics", request -> CompletableFuture.completedFuture(
                new ApiResponse.Text(200, MetricsText.CONTENT_TYPE, metrics.scrape())));
    }
}
