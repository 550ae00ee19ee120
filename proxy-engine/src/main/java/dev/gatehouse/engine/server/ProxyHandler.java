package dev.gatehouse.engine.server;

import dev.gatehouse.engine.ai.AiOperation;
import dev.gatehouse.engine.ai.auth.Consumer;
import dev.gatehouse.engine.ai.auth.CredentialExtractor;
import dev.gatehouse.engine.routing.CompiledRoute;
import dev.gatehouse.engine.routing.ModelField;
import dev.gatehouse.engine.routing.RequestFacts;
import dev.gatehouse.engine.upstream.UpstreamPool;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;

/**
 * The client side of a connection: turns each complete request into a {@link ProxyExchange},
 * one at a time (pipelined requests wait their turn, so responses keep their order).
 */
final class ProxyHandler extends ChannelInboundHandlerAdapter {

    /** Pipelined requests beyond this stop the gateway reading from the client. */
    private static final int MAX_QUEUED = 16;

    /** Fired at every client connection when shutdown begins. */
    static final Object DRAIN = new Object();

    private final ProxyRuntime runtime;
    private final ArrayDeque<Arrival> queued = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private ClientExchange current;
    private String clientIp;
    private String localAddress;
    private String remoteAddress;
    private HeaderReadTimeout headTimer;
    private DeadlineTimer timer;
    private ExchangeInfo info;

    ProxyHandler(ProxyRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.timer = new DeadlineTimer(ctx.executor());
        this.headTimer = ctx.pipeline().get(HeaderReadTimeout.class);
    }

    /** A request waiting its turn, with how long it took to arrive (first byte to last), -1 if unknown. */
    private record Arrival(FullHttpRequest request, long receiveNanos) { }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (request.decoderResult().isFailure()) {
            rejectMalformed(request);
            return;
        }
        // Behind any request still waiting, so that responses keep the order of requests.
        queued.add(new Arrival(request, headTimer == null ? -1 : System.nanoTime() - headTimer.headStartedNanos()));
        if (queued.size() >= MAX_QUEUED) {
            ctx.channel().config().setAutoRead(false);
        }
        startNext();
    }

    /**
     * Starts waiting requests while no exchange is under way. Requests the handler answers itself
     * (404, 401, /v1/models, draining) leave no exchange behind, so the loop goes on to the next.
     */
    private void startNext() {
        Arrival next;
        while (current == null && ctx.channel().isActive() && (next = queued.poll()) != null) {
            begin(next.request(), next.receiveNanos());
        }
        if (queued.size() < MAX_QUEUED && !ctx.isRemoved()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void begin(FullHttpRequest request, long receiveNanos) {
        String clientIp = clientIp();
        String requestId = RequestIds.requestId(request.headers().get(ProxyHeaders.X_REQUEST_ID));
        String traceparent = RequestIds.nextTraceparent(request.headers().get(ProxyHeaders.TRACEPARENT));
        ExchangeInfo info = new ExchangeInfo(requestId, traceparent, clientIp, System.nanoTime());
        info.request(request.method().name(), pathOf(request.uri()), request.headers().get(HttpHeaderNames.HOST),
                request.headers().get(HttpHeaderNames.USER_AGENT), request.content().readableBytes());
        info.connection(request.protocolVersion().text(), receiveNanos,
                request.headers().get(ProxyHeaders.X_FORWARDED_FOR), localAddress(), remoteAddress());
        this.info = info;
        if (runtime.draining()) {
            respondError(request, info, GatewayError.SHUTTING_DOWN, "the gateway is shutting down");
            return;
        }
        EngineSnapshot snapshot = runtime.snapshot();
        RequestFacts facts = facts(request);
        if (AiOperation.of(facts.method(), facts.path()) == AiOperation.MODELS && !snapshot.ai().aiRoutes().isEmpty()) {
            listModels(request, info, snapshot);
            return;
        }
        CompiledRoute route = snapshot.routes().match(facts);
        if (route == null) {
            String model = facts.modelWasRead() && facts.model() != null ? " for model \"" + facts.model() + "\"" : "";
            respondError(request, info, GatewayError.ROUTE_NOT_FOUND,
                    "no route matches " + request.method() + " " + request.uri() + model);
            return;
        }
        info.route(route.name());
        UpstreamPool pool = snapshot.pool(route.pool());
        addProxyHeaders(request, info);
        AiOperation operation = route.config().ai() == null ? null : AiOperation.of(facts.method(), facts.path());
        ClientExchange exchange;
        if (operation != null) {
            Optional<Consumer> consumer = authenticate(request, info, snapshot, route.config().ai().requireKey());
            if (consumer == null) {
                return;
            }
            exchange = new AiExchange(ctx, request, info, operation, snapshot.ai().routes().get(route.name()),
                    consumer.orElse(null), snapshot, runtime.connector(), timer, runtime.ai(), this::exchangeDone)
                    .activity(runtime.activity());
        } else {
            info.pool(pool.name());
            exchange = new ProxyExchange(ctx, request, info, pool, snapshot.config().limits(),
                    runtime.connector(), timer, this::exchangeDone);
        }
        current = exchange;
        runtime.inFlight().incrementAndGet();
        exchange.start();
    }

    /**
     * The consumer whose key the request carries (empty when it carries none and none is
     * required), or null when the request was refused with 401. The key itself never appears in
     * an answer or a log.
     */
    private Optional<Consumer> authenticate(FullHttpRequest request, ExchangeInfo info, EngineSnapshot snapshot,
                                            boolean required) {
        Optional<String> key = CredentialExtractor.extract(request.headers()::get);
        Optional<Consumer> consumer = key.flatMap(k -> snapshot.ai().consumers().authenticate(k));
        if (key.isPresent() && consumer.isEmpty()) {
            respondError(request, info, GatewayError.INVALID_API_KEY, "the API key is not valid");
            return null;
        }
        if (required && consumer.isEmpty()) {
            respondError(request, info, GatewayError.INVALID_API_KEY,
                    "an API key is required: send it as \"Authorization: Bearer KEY\" or \"x-api-key: KEY\"");
            return null;
        }
        return consumer;
    }

    /** {@code GET /v1/models}: the models of every AI route the caller may use. */
    private void listModels(FullHttpRequest request, ExchangeInfo info, EngineSnapshot snapshot) {
        Optional<Consumer> consumer = authenticate(request, info, snapshot, !snapshot.ai().anyOpenRoute());
        if (consumer == null) {
            return;
        }
        StringBuilder json = new StringBuilder("{\"object\":\"list\",\"data\":[");
        String separator = "";
        for (String model : snapshot.ai().modelsFor(consumer.orElse(null))) {
            json.append(separator).append("{\"id\":");
            ErrorResponses.appendQuoted(json, model);
            json.append(",\"object\":\"model\",\"created\":0,\"owned_by\":\"gatehouse\"}");
            separator = ",";
        }
        json.append("]}");
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        request.release();
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(ProxyHeaders.X_REQUEST_ID, info.requestId());
        HttpUtil.setKeepAlive(response, keepAlive);
        info.status(200);
        info.ai().api = AiOperation.MODELS.logName();
        info.addBytesSent(response.content().readableBytes());
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        runtime.records().accept(info.toRecord(System.nanoTime()));
    }

    private void exchangeDone() {
        runtime.inFlight().decrementAndGet();
        current = null;
        runtime.records().accept(info.toRecord(System.nanoTime()));
        // Removed: the connection became a WebSocket tunnel and is no longer HTTP.
        if (ctx.isRemoved() || !ctx.channel().isActive()) {
            return;
        }
        if (!queued.isEmpty()) {
            // Run the next one outside this call stack: the finished exchange is still unwinding.
            ctx.executor().execute(this::startNext);
        } else if (runtime.draining()) {
            // After the response's last bytes are written, not before: close() would discard them.
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    private RequestFacts facts(FullHttpRequest request) {
        String path = pathOf(request.uri());
        String host = request.headers().get(HttpHeaderNames.HOST, "");
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']') < colon) {
            host = host.substring(0, colon);
        }
        return new RequestFacts(host.toLowerCase(Locale.ROOT), path, request.method().name(),
                request.headers()::get, () -> modelOf(request.content()));
    }

    private static String modelOf(ByteBuf body) {
        if (!body.isReadable()) {
            return null;
        }
        if (body.hasArray()) {
            return ModelField.read(body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes());
        }
        byte[] bytes = ByteBufUtil.getBytes(body);
        return ModelField.read(bytes, 0, bytes.length);
    }

    private static void addProxyHeaders(FullHttpRequest request, ExchangeInfo info) {
        var headers = request.headers();
        String originalHost = headers.get(HttpHeaderNames.HOST);
        boolean webSocket = Upgrades.isWebSocket(headers);
        ProxyHeaders.stripHopByHop(headers);
        if (webSocket) {
            Upgrades.requestWebSocket(headers);
        } else {
            HttpUtil.setKeepAlive(request, true);
        }
        headers.set(ProxyHeaders.X_REQUEST_ID, info.requestId());
        headers.set(ProxyHeaders.TRACEPARENT, info.traceparent());
        ProxyHeaders.appendForwardedFor(headers, info.clientIp());
        headers.set(ProxyHeaders.X_FORWARDED_PROTO, "http");
        if (originalHost != null) {
            headers.set(ProxyHeaders.X_FORWARDED_HOST, originalHost);
        }
    }

    private void rejectMalformed(FullHttpRequest request) {
        Throwable cause = request.decoderResult().cause();
        GatewayError error = cause instanceof TooLongHttpHeaderException ? GatewayError.HEADERS_TOO_LARGE
                : cause instanceof TooLongHttpLineException ? GatewayError.URI_TOO_LONG
                : cause instanceof TooLongFrameException ? GatewayError.HEADERS_TOO_LARGE
                : GatewayError.BAD_REQUEST;
        String message = error == GatewayError.BAD_REQUEST ? "malformed HTTP request: " + cause.getMessage()
                : cause.getMessage();
        request.release();
        var response = ErrorResponses.json(ctx.alloc(), error, message, null);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        // The decoder cannot find the next request's start after a bad one: close.
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private void respondError(FullHttpRequest request, ExchangeInfo info, GatewayError error, String message) {
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !runtime.draining();
        request.release();
        var response = ErrorResponses.json(ctx.alloc(), error, message, info.requestId());
        HttpUtil.setKeepAlive(response, keepAlive);
        info.status(error.status().code());
        info.error(error.type());
        info.addBytesSent(response.content().readableBytes());
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        runtime.records().accept(info.toRecord(System.nanoTime()));
    }

    /** The listener's address the client connected to, as {@code ip:port}, worked out once per connection. */
    private String localAddress() {
        if (localAddress == null) {
            localAddress = ctx.channel().localAddress() instanceof InetSocketAddress address
                    ? address.getAddress().getHostAddress() + ":" + address.getPort() : "unknown";
        }
        return localAddress;
    }

    /** The client's address as {@code ip:port}, worked out once per connection. */
    private String remoteAddress() {
        if (remoteAddress == null) {
            remoteAddress = ctx.channel().remoteAddress() instanceof InetSocketAddress address
                    ? clientIp() + ":" + address.getPort() : "unknown";
        }
        return remoteAddress;
    }

    /** The peer's address as text, worked out once per connection rather than per request. */
    private String clientIp() {
        if (clientIp == null) {
            clientIp = ctx.channel().remoteAddress() instanceof InetSocketAddress address
                    ? address.getAddress().getHostAddress() : "unknown";
        }
        return clientIp;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && current != null) {
            current.clientWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            current.clientClosed();
        }
        timer.close();
        Arrival waiting;
        while ((waiting = queued.poll()) != null) {
            waiting.request().release();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        // Idle (or draining) with nothing in flight: close. A stream in flight is the exchange's to time.
        if ((evt instanceof IdleStateEvent || evt == DRAIN) && current == null) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
