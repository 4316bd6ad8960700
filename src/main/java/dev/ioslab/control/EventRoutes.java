package dev.ioslab.control;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The event routes of the control API (issue 13): {@code GET /devices/{name}/events} and {@code GET /events}, with
 * {@code since=<seq>} (events newer than that), {@code limit=<n>} (default and maximum {@value #MAX_LIMIT}) and
 * {@code follow=true} (a stream of JSON lines that replays from {@code since} and then follows; a slow reader loses
 * lines, never slows a device). A listing answers {@code {"events":[...],"next":<seq>}} plus {@code "dropped": n} when
 * the ring no longer holds n of the events asked for.
 *
 * <p>Threading: listings are answered on the calling event loop (they copy at most a ring); a stream's replay runs on
 * {@code replay}, never on an event loop.
 */
public final class EventRoutes {

    static final int MAX_LIMIT = EventLog.DEFAULT_CAPACITY;
    /**
     * How long, in all, a stream's replay may wait for its client to read before it treats it as slow and drops
     * instead: the replay thread serves every stream that opens, so one slow or stalled reader holds it this long at
     * most (a reader that keeps up takes a small part of it for a full ring).
     */
    static final Duration REPLAY_PATIENCE = Duration.ofSeconds(2);

    private final EventLog log;
    private final RackView rack;
    private final Executor replay;

    /**
     * @param replay where a follow stream's replay of past events runs (any executor that is not an event loop)
     */
    public EventRoutes(EventLog log, RackView rack, Executor replay) {
        this.log = log;
        this.rack = rack;
        this.replay = replay;
    }

    /** Adds the event routes to the API's table. */
    public void register(Routes api) {
        api.add("GET", "/devices/{name}/events", this::deviceEvents);
        api.add("GET", "/events", this::allEvents);
    }

    private CompletionStage<ApiResponse> deviceEvents(ApiRequest request) throws ApiException {
        String name = request.pathParam("name");
        if (rack.device(name).isEmpty()) {
            throw ApiException.notFound("no device " + name);
        }
        return answer(request, Optional.of(name));
    }

    private CompletionStage<ApiResponse> allEvents(ApiRequest request) throws ApiException {
        return answer(request, Optional.empty());
    }

    private CompletionStage<ApiResponse> answer(ApiRequest request, Optional<String> device) throws ApiException {
        Optional<Long> since = number(request, "since", Long.MAX_VALUE);
        boolean follow = flag(request, "follow");
        int limit = number(request, "limit", MAX_LIMIT).map(Long::intValue).orElse(MAX_LIMIT);
        if (limit < 1) {
            throw ApiException.badRequest("limit", "limit must be at least 1");
        }
        if (follow) {
            return CompletableFuture.completedFuture(new ApiResponse.Lines(sink -> replay.execute(() -> {
                if (!sink.isOpen()) {
                    return;
                }
                EventLog.Subscription subscription = log.follow(device, since, new ReplayingSink(sink));
                sink.onClose(subscription::close);
            })));
        }
        long from = since.orElse(0L);
        EventLog.Page page = device.map(d -> log.since(d, from, limit)).orElseGet(() -> log.since(from, limit));
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> events = page.events().stream().map(EventJson::of).toList();
        body.put("events", events);
        body.put("next", page.next());
        if (page.dropped() > 0) {
            body.put("dropped", page.dropped());
        }
        return CompletableFuture.completedFuture(ApiResponse.ok(body));
    }

    /** A non-negative whole number parameter no larger than {@code max}, or 400 naming it. */
    private static Optional<Long> number(ApiRequest request, String name, long max) throws ApiException {
        Optional<String> text = request.queryParam(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long value;
        try {
            value = Long.parseLong(text.get().strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number, not '" + shorten(text.get()) + "'");
        }
        if (value < 0) {
            throw ApiException.badRequest(name, name + " must not be negative");
        }
        return Optional.of(Math.min(value, max));
    }

    private static boolean flag(ApiRequest request, String name) throws ApiException {
        Optional<String> text = request.queryParam(name);
        if (text.isEmpty() || text.get().equals("false")) {
            return false;
        }
        if (text.get().equals("true") || text.get().isEmpty()) {
            return true;
        }
        throw ApiException.badRequest(name, name + " must be true or false");
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /**
     * A follow stream's events as JSON lines: live events are dropped when the client's buffer is full, the replay
     * of past events waits for room instead (a backlog is written far faster than any client reads it) until it has
     * waited {@link #REPLAY_PATIENCE} in all; from then on the client is a slow reader and loses lines too.
     * Threading: {@link #awaitRoom} on the replay thread only.
     */
    private static final class ReplayingSink implements EventLog.EventSink {
        private final ApiResponse.LineSink lines;
        private long patienceLeftNanos = REPLAY_PATIENCE.toNanos();

        ReplayingSink(ApiResponse.LineSink lines) {
            this.lines = lines;
        }

        @Override
        public boolean offer(LoggedEvent event) {
            return lines.send(EventJson.of(event));
        }

        @Override
        public void awaitRoom() throws InterruptedException {
            if (patienceLeftNanos <= 0) {
                return;
            }
            long start = System.nanoTime();
            if (!lines.awaitWritable(Duration.ofNanos(patienceLeftNanos))) {
                patienceLeftNanos = 0;
                return;
            }
            patienceLeftNanos -= System.nanoTime() - start;
        }
    }
}
