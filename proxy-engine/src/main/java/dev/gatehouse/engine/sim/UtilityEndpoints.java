package dev.gatehouse.engine.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain-HTTP endpoints for proxy tests and benchmarks: {@code /echo} describes the request it got,
 * {@code /bytes/{n}} answers n bytes, {@code /stream/{n}} answers n timed chunks.
 */
final class UtilityEndpoints {

    static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final String JSON_PREFIX = "{\"data\":\"";
    private static final String JSON_SUFFIX = "\"}";

    private UtilityEndpoints() {
    }

    /** 200 with {@code {method, uri, path, headers: {name: value | [values]}, bodyLength}}. */
    static void echo(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        ObjectNode body = Responses.object();
        body.put("method", request.method().name());
        body.put("uri", request.uri());
        body.put("path", new QueryStringDecoder(request.uri()).path());
        ObjectNode headers = body.putObject("headers");
        for (String name : request.headers().names()) {
            List<String> values = request.headers().getAll(name);
            String key = name.toLowerCase(Locale.ROOT);
            if (values.size() == 1) {
                headers.put(key, values.get(0));
            } else {
                values.forEach(headers.withArray(key)::add);
            }
        }
        body.put("bodyLength", request.content().readableBytes());
        Responses.json(ctx, keepAlive, HttpResponseStatus.OK, body);
    }

    /**
     * Exactly {@code n} bytes. From 11 bytes up the body is JSON ({@code {"data":"aaa…"}} padded to
     * size) so that benchmarks of small JSON answers can use it; below, plain octets.
     */
    static void bytes(ChannelHandlerContext ctx, String count, boolean keepAlive) {
        Integer n = parseCount(count, MAX_BYTES);
        if (n == null) {
            badCount(ctx, keepAlive, MAX_BYTES);
            return;
        }
        int overhead = JSON_PREFIX.length() + JSON_SUFFIX.length();
        boolean json = n >= overhead;
        ByteBuf content = ctx.alloc().buffer(n);
        if (json) {
            content.writeCharSequence(JSON_PREFIX, StandardCharsets.US_ASCII);
        }
        for (int i = 0, pad = json ? n - overhead : n; i < pad; i++) {
            content.writeByte('a' + i % 26);
        }
        if (json) {
            content.writeCharSequence(JSON_SUFFIX, StandardCharsets.US_ASCII);
        }
        Responses.full(ctx, keepAlive, HttpResponseStatus.OK,
                json ? "application/json" : "application/octet-stream", content);
    }

    /**
     * {@code n} chunks {@code interval_ms} apart (the first one at once); SSE events when the client
     * accepts {@code text/event-stream}, else lines {@code chunk i}. {@code size} pads each chunk
     * to that many bytes, for backpressure tests.
     */
    static Exchange stream(ChannelHandlerContext ctx, FullHttpRequest request, String count,
            boolean keepAlive, Runnable done) {
        Integer n = parseCount(count, 1_000_000);
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        Integer interval = parseCount(param(query.parameters(), "interval_ms", "0"), 60_000);
        Integer size = parseCount(param(query.parameters(), "size", "0"), 1024 * 1024);
        if (n == null || interval == null || size == null) {
            badCount(ctx, keepAlive, 1_000_000);
            done.run();
            return null;
        }
        String accept = request.headers().get(HttpHeaderNames.ACCEPT, "");
        boolean sse = accept.contains("text/event-stream");
        ctx.writeAndFlush(Responses.chunkedHead(sse ? "text/event-stream" : "text/plain; charset=utf-8", keepAlive));
        long gap = interval * 1_000_000L;
        ChunkEmitter emitter = new ChunkEmitter(ctx, n, i -> pad(sse ? "id: " + i + "\ndata: chunk " + i : "chunk " + i,
                size, sse ? "\n\n" : "\n"), i -> i == 0 ? 0 : gap, keepAlive, new ChunkEmitter.Listener() {
                    @Override
                    public void ended(boolean completed) {
                        if (completed) {
                            done.run();
                        }
                    }
                });
        emitter.start();
        return new Exchange() {
            @Override
            public void writabilityChanged() {
                emitter.writabilityChanged();
            }

            @Override
            public void cancel() {
                emitter.cancel();
            }
        };
    }

    private static String pad(String text, int size, String end) {
        int missing = size - text.length() - end.length();
        return missing <= 0 ? text + end : text + " " + ".".repeat(missing - 1) + end;
    }

    private static String param(Map<String, List<String>> params, String name, String fallback) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private static Integer parseCount(String text, int max) {
        try {
            int n = Integer.parseInt(text);
            return n >= 0 && n <= max ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void badCount(ChannelHandlerContext ctx, boolean keepAlive, int max) {
        Responses.error(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST,
                "Counts must be integers from 0 to " + max + ".", "invalid_request_error", null);
    }
}
