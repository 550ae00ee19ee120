package dev.gatehouse.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * One connection to the simulator: routes each request to its endpoint and answers requests in
 * order. While a response is in progress, further (pipelined) requests wait in {@code pending}.
 */
final class SimulatorHandler extends ChannelInboundHandlerAdapter {

    private final LlmBackendSimulator simulator;
    private final Queue<FullHttpRequest> pending = new ArrayDeque<>();
    private Exchange current;

    SimulatorHandler(LlmBackendSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (current != null) {
            pending.add(request);
            return;
        }
        handle(ctx, request);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (current != null) {
            current.writabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            current.cancel();
            current = null;
        }
        pending.forEach(ReferenceCountUtil::release);
        pending.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        try {
            current = dispatch(ctx, request, HttpUtil.isKeepAlive(request));
        } finally {
            request.release();
        }
    }

    /** Called (asynchronously) when the current exchange has written its last byte. */
    private void exchangeDone(ChannelHandlerContext ctx) {
        ctx.executor().execute(() -> {
            current = null;
            while (current == null && !pending.isEmpty() && ctx.channel().isActive()) {
                handle(ctx, pending.poll());
            }
        });
    }

    /** Answers {@code request}; returns the exchange still in progress, or null when answered. */
    private Exchange dispatch(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        if (request.decoderResult().isFailure()) {
            Responses.error(ctx, false, HttpResponseStatus.BAD_REQUEST, "Malformed HTTP request.",
                    "invalid_request_error", null);
            return null;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        HttpMethod method = request.method();
        if (path.equals("/echo") || path.startsWith("/echo/")) {
            UtilityEndpoints.echo(ctx, request, keepAlive);
            return null;
        }
        String allowed = allowedMethod(path);
        if (allowed == null) {
            Responses.error(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, "No route for " + path + ".",
                    "invalid_request_error", "not_found");
            return null;
        }
        if (!method.name().equals(allowed)) {
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.METHOD_NOT_ALLOWED, Unpooled.wrappedBuffer(Responses.bytes(
                            Responses.errorBody("Method " + method + " is not allowed on " + path + ".",
                                    "invalid_request_error", "method_not_allowed"))));
            response.headers().set(HttpHeaderNames.ALLOW, allowed);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            HttpUtil.setContentLength(response, response.content().readableBytes());
            HttpUtil.setKeepAlive(response, keepAlive);
            Responses.closeUnlessKeptAlive(ctx.writeAndFlush(response), keepAlive);
            return null;
        }
        switch (path) {
            case "/health" -> health(ctx, keepAlive);
            case "/metrics" -> Responses.text(ctx, keepAlive, MetricsRenderer.CONTENT_TYPE, simulator.renderMetrics());
            case "/v1/models" -> Responses.json(ctx, keepAlive, HttpResponseStatus.OK, models());
            case "/v1/chat/completions" -> {
                return completion(ctx, request, true, keepAlive);
            }
            case "/v1/completions" -> {
                return completion(ctx, request, false, keepAlive);
            }
            default -> {
                String count = path.substring(path.indexOf('/', 1) + 1);
                if (path.startsWith("/bytes/")) {
                    UtilityEndpoints.bytes(ctx, count, keepAlive);
                    return null;
                }
                return UtilityEndpoints.stream(ctx, request, count, keepAlive, () -> exchangeDone(ctx));
            }
        }
        return null;
    }

    private static String allowedMethod(String path) {
        return switch (path) {
            case "/health", "/metrics", "/v1/models" -> "GET";
            case "/v1/chat/completions", "/v1/completions" -> "POST";
            default -> path.matches("/(bytes|stream)/[^/]+") ? "GET" : null;
        };
    }

    private void health(ChannelHandlerContext ctx, boolean keepAlive) {
        boolean healthy = simulator.isHealthy();
        ObjectNode body = Responses.object().put("status", healthy ? "ok" : "unavailable");
        Responses.json(ctx, keepAlive, healthy ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, body);
    }

    private ObjectNode models() {
        ObjectNode list = Responses.object().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (String id : simulator.options().models()) {
            data.addObject().put("id", id).put("object", "model").put("created", simulator.startedEpochSeconds())
                    .put("owned_by", "gatehouse-sim").put("root", id).put("max_model_len", 32_768);
        }
        return list;
    }

    private Exchange completion(ChannelHandlerContext ctx, FullHttpRequest http, boolean chat, boolean keepAlive) {
        simulator.stats().received();
        CompletionRequest request;
        try {
            JsonNode body = Responses.JSON.readTree(new ByteBufInputStream(http.content()));
            request = CompletionRequest.parse(body, chat, simulator.options().models().get(0), simulator.options().seed());
        } catch (IOException e) {
            Responses.error(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST,
                    "We could not parse the JSON body of your request.", "invalid_request_error", null);
            return null;
        } catch (CompletionRequest.Invalid e) {
            Responses.error(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, e.getMessage(), "invalid_request_error", null);
            return null;
        }
        if (!simulator.options().models().contains(request.model())) {
            Responses.error(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, "The model `" + request.model()
                    + "` does not exist or you do not have access to it.", "invalid_request_error", "model_not_found");
            return null;
        }
        switch (simulator.rollFault()) {
            case ERROR -> {
                simulator.stats().errorInjected();
                Responses.error(ctx, keepAlive, HttpResponseStatus.INTERNAL_SERVER_ERROR,
                        "The server had an error while processing your request. Sorry about that!", "server_error", null);
                return null;
            }
            case HANG -> {
                simulator.stats().hangInjected();
                return () -> { };
            }
            default -> {
                CompletionExchange exchange = new CompletionExchange(ctx, simulator, request, keepAlive,
                        () -> exchangeDone(ctx));
                exchange.start();
                return exchange;
            }
        }
    }
}
