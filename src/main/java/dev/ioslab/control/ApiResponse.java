package dev.ioslab.control;

/**
 * What the API answers: a JSON document (serialised with Jackson from records, maps and lists), plain text (the
 * Prometheus exposition), or a stream of JSON lines sent chunked until the client goes away.
 */
public sealed interface ApiResponse permits ApiResponse.Json, ApiResponse.Text, ApiResponse.Lines {

    int status();

    /** 200 with {@code body} as JSON. */
    static ApiResponse ok(Object body) {
        return new Json(200, body);
    }

    /** {@code body} (a record, map, list or scalar; {@code null} for no body) as {@code application/json}. */
    record Json(int status, Object body) implements ApiResponse {
    }

    /** {@code body} as text with {@code contentType}, e.g. {@code text/plain; version=0.0.4; charset=utf-8}. */
    record Text(int status, String contentType, String body) implements ApiResponse {
    }

    /**
     * A chunked {@code application/x-ndjson} response (status 200): the server calls {@code source.open} once the
     * headers are sent, and the source sends one JSON document per line until the client goes away.
     */
    record Lines(LineSource source) implements ApiResponse {
        @Override
        public int status() {
            return 200;
        }
    }

    /** Feeds a {@link Lines} response. */
    @FunctionalInterface
    interface LineSource {
        /** Starts sending through {@code sink}; called on the connection's event loop, must return at once. */
        void open(LineSink sink);
    }

    /**
     * Where a streaming response's lines go. Threading: {@link #send} may be called from any thread and never blocks:
     * when the client reads too slowly it returns {@code false} and the line is dropped, so that a slow or vanished
     * reader never holds back the device that produced the event.
     */
    interface LineSink {
        /** Queues one line (a newline is appended); {@code false} when the line was dropped or the sink is closed. */
        boolean send(Object jsonDocument);

        /** Whether the client is still connected. */
        boolean isOpen();

        /**
         * Waits, at most {@code patience}, until a line sent now would not be dropped: for a sender that may wait (a
         * replay of past events on its own thread), never for one that must not (an event loop, a device). Returns
         * whether there is room; {@code false} when the client is gone or still not reading after {@code patience}.
         */
        default boolean awaitWritable(java.time.Duration patience) throws InterruptedException {
            return isOpen();
        }

        /** Runs {@code action} once when the client goes away or the server stops (at once if already closed). */
        void onClose(Runnable action);
    }
}
