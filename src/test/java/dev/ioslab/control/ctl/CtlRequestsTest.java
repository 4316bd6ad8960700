package dev.ioslab.control.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioslab.control.ApiResponse;
import dev.ioslab.control.ControlServer;
import dev.ioslab.control.Routes;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * What {@code ctl} sends for each subcommand and how it reports the answer, against a control server whose routes
 * record the requests (so fault and event commands are checked without the fault registry or the event log).
 */
@Timeout(60)
class CtlRequestsTest {

    private static final String TOKEN = "0123456789abcdef0123";

    private final EventLoopGroup loops = new NioEventLoopGroup(1);
    private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    private final ObjectMapper json = new ObjectMapper();
    private ControlServer server;
    private String url;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        Routes api = new Routes();
        for (String[] route : List.of(new String[] {"POST", "/devices/{name}/faults"},
                new String[] {"GET", "/devices/{name}/faults"}, new String[] {"GET", "/faults"},
                new String[] {"DELETE", "/faults/{id}"}, new String[] {"POST", "/reset"},
                new String[] {"POST", "/devices/{name}/reload"}, new String[] {"GET", "/devices"})) {
            api.add(route[0], route[1], r -> {
                requests.add(r.method() + " " + describe(r) + (r.bodyText().isEmpty() ? "" : " " + r.bodyText()));
                return CompletableFuture.completedFuture(r.method().equals("DELETE")
                        ? new ApiResponse.Json(204, null) : ApiResponse.ok(Map.of("ok", true)));
            });
        }
        api.add("GET", "/devices/{name}/events", r -> {
            requests.add("GET " + describe(r));
            if (r.queryParam("follow").isEmpty()) {
                return CompletableFuture.completedFuture(ApiResponse.ok(Map.of("events", List.of(), "next", 9)));
            }
            return CompletableFuture.completedFuture(new ApiResponse.Lines(sink -> {
                sink.send(Map.of("seq", 1, "type", "login"));
                sink.send(Map.of("seq", 2, "type", "command"));
            }));
        });
        api.add("GET", "/devices/{name}", r -> {
            throw dev.ioslab.control.ApiException.notFound("no device " + r.pathParam("name"));
        });
        server = new ControlServer(new InetSocketAddress("127.0.0.1", 0), Optional.of(TOKEN), api, new Routes(),
                loops, loops);
        url = "http://127.0.0.1:" + server.start().get(10, TimeUnit.SECONDS).getPort();
    }

    /** The path below /api/v1 and the query parameters in name order. */
    private static String describe(dev.ioslab.control.ApiRequest r) {
        String path = r.path().replaceFirst("^/api/v1", "");
        String query = new java.util.TreeMap<>(r.query()).entrySet().stream()
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .collect(java.util.stream.Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }

    @AfterEach
    void stop() {
        server.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private int ctl(String... args) {
        CommandLine cl = new CommandLine(new CtlCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 4];
        all[0] = "--url";
        all[1] = url;
        all[2] = "--token";
        all[3] = TOKEN;
        System.arraycopy(args, 0, all, 4, args.length);
        return cl.execute(all);
    }

    private String nextRequest() throws InterruptedException {
        String request = requests.poll(10, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    @Test
    void faultAddSendsKindTypeParametersAndMatch() throws Exception {
        int status = ctl("fault", "add", "r1", "transfer", "fail", "--reason", "timed-out", "--count", "2",
                "--probability", "0.5", "--url", "ftp://*/images/*", "--protocol", "ftp");

        assertThat(status).isZero();
        String request = nextRequest();
        assertThat(request).startsWith("POST /devices/r1/faults ");
        assertThat(json.readTree(request.substring("POST /devices/r1/faults ".length()))).isEqualTo(json.readTree(
                "{\"kind\":\"transfer\",\"type\":\"fail\",\"reason\":\"timed-out\",\"count\":2,\"probability\":0.5,"
                        + "\"match\":{\"url\":\"ftp://*/images/*\",\"protocol\":\"ftp\"}}"));
        assertThat(out.toString()).contains("\"ok\" : true");
    }

    @Test
    void faultAddUntilRemovedWithBytesPerSecond() throws Exception {
        assertThat(ctl("fault", "add", "r2", "transfer", "bandwidth", "--bytes-per-second", "1000",
                "--until-removed")).isZero();

        assertThat(json.readTree(nextRequest().substring("POST /devices/r2/faults ".length()))).isEqualTo(
                json.readTree("{\"kind\":\"transfer\",\"type\":\"bandwidth\",\"bytesPerSecond\":1000,"
                        + "\"untilRemoved\":true}"));
    }

    @Test
    void faultListRmAndResetCallTheirRoutes() throws Exception {
        assertThat(ctl("fault", "list")).isZero();
        assertThat(nextRequest()).isEqualTo("GET /faults");
        assertThat(ctl("fault", "list", "r1")).isZero();
        assertThat(nextRequest()).isEqualTo("GET /devices/r1/faults");
        assertThat(ctl("fault", "rm", "f7")).isZero();
        assertThat(nextRequest()).isEqualTo("DELETE /faults/f7");
        assertThat(ctl("reset")).isZero();
        assertThat(nextRequest()).isEqualTo("POST /reset");
    }

    @Test
    void reloadSendsTheReason() throws Exception {
        assertThat(ctl("reload", "r1", "--reason", "upgrade to 15.9")).isZero();

        assertThat(nextRequest()).isEqualTo("POST /devices/r1/reload {\"reason\":\"upgrade to 15.9\"}");
    }

    @Test
    void eventsPassSinceAndFollowPrintsEachLine() throws Exception {
        assertThat(ctl("events", "r1", "--since", "5")).isZero();
        assertThat(nextRequest()).isEqualTo("GET /devices/r1/events?since=5");
        assertThat(out.toString()).contains("\"next\" : 9");

        Thread follower = new Thread(() -> ctl("events", "r1", "--follow", "--since", "3"));
        follower.start();
        assertThat(nextRequest()).isEqualTo("GET /devices/r1/events?follow=true&since=3");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!out.toString().contains("\"seq\":2") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(out.toString()).contains("\"seq\":1").contains("\"type\":\"login\"").contains("\"seq\":2");
        server.close();
        follower.join(10_000);
        assertThat(follower.isAlive()).isFalse();
    }

    @Test
    void apiErrorIsPrintedWithExitStatus1() {
        assertThat(ctl("device", "r9")).isEqualTo(1);

        assertThat(err.toString()).contains("error 404: no device r9");
    }

    @Test
    void wrongTokenIsAnApiError() {
        CommandLine cl = new CommandLine(new CtlCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));

        assertThat(cl.execute("--url", url, "--token", "wrong-token-wrong-token", "devices")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error 401: ");
    }

    @Test
    void unreachableApiAndUsageErrorsExitWith2() {
        server.close();

        assertThat(ctl("devices")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot reach the control API at " + url + ": connection refused");
        assertThat(ctl("fault", "add", "r1")).isEqualTo(2);
        assertThat(ctl("events", "r1", "--since", "-1")).isEqualTo(2);
    }
}
