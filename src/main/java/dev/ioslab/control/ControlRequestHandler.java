package dev.ioslab.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one connection's HTTP requests in order: checks the bearer token, finds the route, runs its handler and
 * writes what it answers (JSON, text, or a chunked stream of JSON lines). Every refusal is a JSON error; a failure
 * inside a handler is logged here and answered 500 with no internals. While a request is in flight the connection
 * reads nothing more, so pipelined requests are answered in order. Threading: one instance per connection, on its
 * event loop; handlers' stages may complete on any thread.
 */
final class ControlRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ControlRequestHandler.class);

    private final BearerToken token;
    private final Routes api;
    private final Routes root;
    private final ObjectMapper json;
    private boolean streaming;

    ControlRequestHandler(BearerToken token, Routes api, Routes root, ObjectMapper json) {
        this.token = token;
        this.api = api;
        this.root = root;
        this.json = json;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            writeError(ctx, false, new ApiException(400, "malformed HTTP request"));
            return;
        }
        if (streaming) {
            // A client that sends another request on a connection that carries a stream gets nothing more.
            ctx.close();
            return;
        }
        if (!token.admits(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            writeError(ctx, keepAlive, new ApiException(401, "a valid bearer token is required"));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String method = request.method().name();
        String rawPath = uri.rawPath();
        String decodedPath;
        Map<String, List<String>> query;
        try {
            decodedPath = uri.path();
            query = uri.parameters();
        } catch (IllegalArgumentException malformedEscape) {
            writeError(ctx, keepAlive, new ApiException(400, "malformed request URI"));
            return;
        }
        Routes routes = root;
        String path = rawPath;
        if (rawPath.equals(ControlServer.API_PREFIX) || rawPath.startsWith(ControlServer.API_PREFIX + "/")) {
            routes = api;
            path = rawPath.substring(ControlServer.API_PREFIX.length());
        }
        Optional<Routes.Match> match = routes.match(method, path);
        if (match.isEmpty()) {
            Set<String> allowed = routes.methodsFor(path);
            writeError(ctx, keepAlive, allowed.isEmpty()
                    ? ApiException.notFound("no such resource: " + decodedPath)
                    : new ApiException(405, method + " is not allowed on " + decodedPath + "; allowed: "
                    + String.join(", ", allowed)));
            return;
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        ApiRequest apiRequest = new ApiRequest(method, decodedPath, match.get().pathParams(), query, body);
        CompletionStage<ApiResponse> answer;
        try {
            answer = match.get().handler().handle(apiRequest);
        } catch (ApiException e) {
            writeError(ctx, keepAlive, e);
            return;
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        ctx.channel().config().setAutoRead(false);
        answer.whenComplete((response, failure) -> ctx.executor().execute(() -> {
            answer(ctx, keepAlive, method, decodedPath, response, failure);
            // Only now may the next request (perhaps already decoded and held by the flow control) be read: its
            // answer must follow this one (RFC 9112 section 9.3.2).
            ctx.channel().config().setAutoRead(true);
        }));
    }

    private void answer(ChannelHandlerContext ctx, boolean keepAlive, String method, String decodedPath,
                        ApiResponse response, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof ApiException e) {
                writeError(ctx, keepAlive, e);
            } else {
                LOG.warn("control API {} {} failed", method, decodedPath, cause);
                writeError(ctx, keepAlive, new ApiException(500, "internal error"));
            }
            return;
        }
        write(ctx, keepAlive, response);
    }

    private void write(ChannelHandlerContext ctx, boolean keepAlive, ApiResponse response) {
        if (response instanceof ApiResponse.Json j) {
            byte[] bytes;
            try {
                bytes = j.body() == null ? new byte[0] : json.writeValueAsBytes(j.body());
            } catch (JsonProcessingException e) {
                LOG.warn("control API answer could not be serialised", e);
                writeError(ctx, keepAlive, new ApiException(500, "internal error"));
                return;
            }
            send(ctx, keepAlive, j.status(), "application/json", Unpooled.wrappedBuffer(bytes));
        } else if (response instanceof ApiResponse.Text t) {
            send(ctx, keepAlive, t.status(), t.contentType(), Unpooled.copiedBuffer(t.body(), StandardCharsets.UTF_8));
        } else if (response instanceof ApiResponse.Lines l) {
            openStream(ctx, l.source());
        }
    }

    private void openStream(ChannelHandlerContext ctx, ApiResponse.LineSource source) {
        streaming = true;
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-ndjson");
        head.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        HttpUtil.setTransferEncodingChunked(head, true);
        ctx.writeAndFlush(head);
        ChunkedLineSink sink = new ChunkedLineSink(ctx.channel(), json);
        try {
            source.open(sink);
        } catch (RuntimeException e) {
            LOG.warn("control API stream could not start", e);
            ctx.close();
        }
    }

    private void writeError(ChannelHandlerContext ctx, boolean keepAlive, ApiException error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.getMessage());
        error.field().ifPresent(f -> body.put("field", f));
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            bytes = "{\"error\":\"internal error\"}".getBytes(StandardCharsets.UTF_8);
        }
        FullHttpResponse response = response(error.status(), "application/json", Unpooled.wrappedBuffer(bytes));
        if (error.status() == 401) {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        finish(ctx, keepAlive, response);
    }

    private void send(ChannelHandlerContext ctx, boolean keepAlive, int status, String contentType, ByteBuf body) {
        finish(ctx, keepAlive, response(status, contentType, body));
    }

    private static FullHttpResponse response(int status, String contentType, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), body);
        if (body.isReadable()) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        HttpUtil.setContentLength(response, body.readableBytes());
        return response;
    }

    private static void finish(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent && !streaming) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("control API connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
