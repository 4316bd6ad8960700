package dev.ioslab.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ControlServerTest {

    private final EventLoopGroup loops = new NioEventLoopGroup(2);
    private final HttpClient http = HttpClient.newHttpClient();
    private ControlServer server;
    private InetSocketAddress address;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private void start(Optional<String> token, Routes api, Routes root) throws Exception {
        server = new ControlServer(new InetSocketAddress("127.0.0.1", 0), token, api, root, loops, loops);
        address = server.start().get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String rawStatusLine(String requestLine) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", address.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void answersARouteWithItsPlaceholderAndQueryAsJson() throws Exception {
        Routes api = new Routes().add("GET", "/devices/{name}", r -> CompletableFuture.completedFuture(
                ApiResponse.ok(Map.of("name", r.pathParam("name"), "since", r.queryParam("since").orElse("")))));
        start(Optional.empty(), api, new Routes());

        HttpResponse<String> response = call("GET", "/api/v1/devices/r%201?since=7", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.body()).contains("\"name\":\"r 1\"").contains("\"since\":\"7\"");
    }

    @Test
    void unknownPathsAnswer404AndWrongMethods405AsJson() throws Exception {
        Routes api = new Routes().add("GET", "/devices", r -> CompletableFuture.completedFuture(ApiResponse.ok(
                java.util.List.of())));
        start(Optional.empty(), api, new Routes());

        HttpResponse<String> missing = call("GET", "/api/v1/nothing", null);
        HttpResponse<String> rootMissing = call("GET", "/devices", null);
        HttpResponse<String> wrongMethod = call("DELETE", "/api/v1/devices", null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).startsWith("{\"error\":\"no such resource: /api/v1/nothing\"");
        assertThat(rootMissing.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("allowed: GET");
        assertThat(rawStatusLine("GET /api/v1/devices/%zz HTTP/1.1")).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(rawStatusLine("GET /api/v1/devices?since=%zz HTTP/1.1")).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(rawStatusLine("NONSENSE")).isEqualTo("HTTP/1.1 400 Bad Request");
    }

    @Test
    void aConfiguredTokenIsRequiredOnEveryCallIncludingRootRoutes() throws Exception {
        Routes root = new Routes().add("GET", "/metrics", r -> CompletableFuture.completedFuture(
                new ApiResponse.Text(200, "text/plain; version=0.0.4; charset=utf-8", "ioslab_up 1\n")));
        start(Optional.of("s3cret"), new Routes(), root);

        HttpResponse<String> none = call("GET", "/metrics", null);
        HttpResponse<String> wrong = call("GET", "/metrics", null, "Authorization", "Bearer nope");
        HttpResponse<String> right = call("GET", "/metrics", null, "Authorization", "Bearer s3cret");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("www-authenticate")).contains("Bearer");
        assertThat(none.body()).doesNotContain("s3cret");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("ioslab_up 1\n");
    }

    @Test
    void refusalsNameTheFieldAndFailuresHideInternals() throws Exception {
        Routes api = new Routes()
                .add("POST", "/faults", r -> {
                    throw ApiException.badRequest("count", "count must be at least 1");
                })
                .add("POST", "/later", r -> CompletableFuture.failedFuture(new ApiException(409, "device stopped")))
                .add("POST", "/broken", r -> {
                    throw new IllegalStateException("secret internals");
                });
        start(Optional.empty(), api, new Routes());

        HttpResponse<String> bad = call("POST", "/api/v1/faults", "{}");
        HttpResponse<String> conflict = call("POST", "/api/v1/later", "{}");
        HttpResponse<String> broken = call("POST", "/api/v1/broken", "{}");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"error\":\"count must be at least 1\",\"field\":\"count\"}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).isEqualTo("{\"error\":\"device stopped\"}");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).isEqualTo("{\"error\":\"internal error\"}");
    }

    @Test
    void aStreamSendsOneJsonDocumentPerLineAndReportsTheClientLeaving() throws Exception {
        AtomicReference<ApiResponse.LineSink> sinkRef = new AtomicReference<>();
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Routes api = new Routes().add("GET", "/events", r -> CompletableFuture.completedFuture(
                new ApiResponse.Lines(sink -> {
                    sink.onClose(closed::countDown);
                    sinkRef.set(sink);
                    opened.countDown();
                })));
        start(Optional.empty(), api, new Routes());

        try (Socket socket = new Socket("127.0.0.1", address.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/v1/events?follow=true HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sinkRef.get().send(Map.of("seq", 1))).isTrue();
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = in.readLine()) != null && !line.contains("seq")) {
                seen.append(line).append('\n');
            }
            assertThat(seen.toString()).containsIgnoringCase("content-type: application/x-ndjson")
                    .containsIgnoringCase("transfer-encoding: chunked");
            assertThat(line).isEqualTo("{\"seq\":1}");
        }
        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sinkRef.get().isOpen()).isFalse();
        assertThat(sinkRef.get().send(Map.of("seq", 2))).isFalse();
    }

    @Test
    void aReaderThatDoesNotReadHasLinesDroppedInsteadOfQueued() throws Exception {
        AtomicReference<ApiResponse.LineSink> sinkRef = new AtomicReference<>();
        CountDownLatch opened = new CountDownLatch(1);
        Routes api = new Routes().add("GET", "/events", r -> CompletableFuture.completedFuture(
                new ApiResponse.Lines(sink -> {
                    sinkRef.set(sink);
                    opened.countDown();
                })));
        start(Optional.empty(), api, new Routes());

        try (Socket socket = new Socket("127.0.0.1", address.getPort())) {
            socket.setReceiveBufferSize(4096);
            socket.getOutputStream().write("GET /api/v1/events HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
            String payload = "x".repeat(1000);
            int sent = 0;
            boolean dropped = false;
            // 200 MB would be needed to get here without dropping: far beyond any socket and the high-water mark.
            for (int i = 0; i < 200_000 && !dropped; i++) {
                if (sinkRef.get().send(Map.of("n", i, "payload", payload))) {
                    sent++;
                } else {
                    dropped = true;
                }
            }
            assertThat(dropped).isTrue();
            assertThat(sent).isLessThan(200_000);
            assertThat(sinkRef.get().isOpen()).isTrue();
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInRequestOrderEvenWhenTheFirstAnswersLater() throws Exception {
        CompletableFuture<ApiResponse> slow = new CompletableFuture<>();
        CountDownLatch slowAsked = new CountDownLatch(1);
        CountDownLatch fastAsked = new CountDownLatch(1);
        Routes api = new Routes()
                .add("GET", "/slow", r -> {
                    slowAsked.countDown();
                    return slow;
                })
                .add("GET", "/fast", r -> {
                    fastAsked.countDown();
                    return CompletableFuture.completedFuture(ApiResponse.ok(Map.of("n", 2)));
                });
        start(Optional.empty(), api, new Routes());

        try (Socket socket = new Socket("127.0.0.1", address.getPort())) {
            socket.setSoTimeout(10_000);
            // Both requests in one write, so that they reach the server in one read (RFC 9112 section 9.3.2: the
            // responses must still go out in the order of the requests).
            socket.getOutputStream().write(("GET /api/v1/slow HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /api/v1/fast HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(slowAsked.await(10, TimeUnit.SECONDS)).isTrue();
            // A server that answers in order does not start the second request before the first is answered: this
            // bounded wait is for something that must not happen, and only decides when the first answer goes out.
            boolean fastAnsweredFirst = fastAsked.await(1, TimeUnit.SECONDS);
            slow.complete(ApiResponse.ok(Map.of("n", 1)));
            StringBuilder received = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!(received.indexOf("{\"n\":1}") >= 0 && received.indexOf("{\"n\":2}") >= 0)) {
                int n = socket.getInputStream().read(buffer);
                assertThat(n).as("connection still open").isPositive();
                received.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            }

            assertThat(received.indexOf("{\"n\":1}")).as("first response first (fast one was handled early: %s)",
                    fastAnsweredFirst).isLessThan(received.indexOf("{\"n\":2}"));
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedAsAJsonError() throws Exception {
        Routes api = new Routes().add("POST", "/devices/{name}/faults", r -> CompletableFuture.completedFuture(
                new ApiResponse.Json(201, Map.of("bytes", r.body().length))));
        start(Optional.empty(), api, new Routes());

        HttpResponse<String> tooLarge = call("POST", "/api/v1/devices/r1/faults",
                "x".repeat(ControlServer.MAX_BODY + 1), "Content-Type", "application/json");

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("content-type")).contains("application/json");
        assertThat(tooLarge.body()).startsWith("{\"error\":\"").contains("body");
        assertThat(call("POST", "/api/v1/devices/r1/faults", "{}").statusCode()).as("the API still answers")
                .isEqualTo(201);
        // curl asks "Expect: 100-continue" before a large body and sends it only when told to go on.
        try (Socket socket = new Socket("127.0.0.1", address.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/devices/r1/faults HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
                    + (ControlServer.MAX_BODY + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = readResponse(socket);
            assertThat(answer).startsWith("HTTP/1.1 413 ").containsIgnoringCase("content-type: application/json")
                    .contains("{\"error\":\"");
        }
    }

    /** One response read off a raw connection: the head, then as many body bytes as its Content-Length says. */
    private static String readResponse(Socket socket) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1));
        StringBuilder response = new StringBuilder();
        int length = 0;
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            response.append(line).append("\r\n");
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        response.append("\r\n");
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return response.append(body, 0, read).toString();
    }
}
