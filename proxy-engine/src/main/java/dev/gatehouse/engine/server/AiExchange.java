package dev.gatehouse.engine.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.ai.AiAnswer;
import dev.gatehouse.engine.ai.AiOperation;
import dev.gatehouse.engine.ai.AiRoute;
import dev.gatehouse.engine.ai.AiServices;
import dev.gatehouse.engine.ai.AiStream;
import dev.gatehouse.engine.ai.AiTarget;
import dev.gatehouse.engine.ai.AttemptPlan;
import dev.gatehouse.engine.ai.JsonBytes;
import dev.gatehouse.engine.ai.auth.Consumer;
import dev.gatehouse.engine.ai.cache.CacheKeys;
import dev.gatehouse.engine.ai.cache.CachedAnswer;
import dev.gatehouse.engine.ai.limit.Admission;
import dev.gatehouse.engine.ai.provider.ProviderCall;
import dev.gatehouse.engine.ai.provider.ProviderKind;
import dev.gatehouse.engine.ai.provider.UnsupportedOperation;
import dev.gatehouse.engine.ai.provider.UpstreamRequest;
import dev.gatehouse.engine.ai.template.PromptDecorator;
import dev.gatehouse.engine.ai.usage.RequestUsage;
import dev.gatehouse.engine.ai.usage.TokenUsage;
import dev.gatehouse.engine.config.LimitsConfig;
import dev.gatehouse.engine.telemetry.ActivityListener;
import dev.gatehouse.engine.upstream.UpstreamConnector;
import dev.gatehouse.engine.upstream.UpstreamPool;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One request to an AI route, handled by the gateway rather than passed through: consumer key,
 * allowed model, limits and quotas, request guard and prompt template, cache, then the upstream
 * call — the route's own pool first and its fallback chain after, each through its provider's
 * protocol. A failed attempt (connect error, 5xx, 429, timeout, no first token in time) moves on
 * to the next only while nothing has reached the client; after that, failures cut the response.
 * The response is accounted (tokens, first-token time) and the limits settled at the end.
 * Lives on the client connection's event loop.
 */
final class AiExchange implements UpstreamCall.Listener, ClientExchange {

    /** A non-streamed answer is read whole to be accounted, guarded and cached: this bounds it. */
    private static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

    private final ChannelHandlerContext client;
    private final FullHttpRequest request;
    private final ExchangeInfo info;
    private final AiFacts facts;
    private final AiOperation operation;
    private final AiRoute route;
    private final Map<String, UpstreamPool> pools;
    private final LimitsConfig limits;
    private final UpstreamConnector connector;
    private final DeadlineTimer timer;
    private final AiServices services;
    private final Consumer consumer;
    private final Runnable onDone;
    private final AiResponder responder;
    private ActivityListener activity = ActivityListener.none();
    /** The client's event stream began: the activity listener hears of its end in {@link #finish}. */
    private boolean streaming;

    private ObjectNode body;
    private boolean streamRequested;
    private boolean clientAskedForUsage;
    private long promptEstimate;
    private Admission admission;
    private String cacheKey;
    private long startNanos;
    private ScheduledFuture<?> totalTimeout;

    private AttemptPlan plan;
    private String clientModel;
    private UpstreamCall call;
    private FullHttpRequest sent;
    private AiTarget target;
    private ProviderCall providerCall;
    private int upstreamStatus;
    private AiStream stream;
    private long streamStartNanos;
    private ByteArrayOutputStream answer;
    private long retryAfterMillis = -1;
    private String upstreamRetryAfter;
    private boolean done;

    AiExchange(ChannelHandlerContext client, FullHttpRequest request, ExchangeInfo info, AiOperation operation,
               AiRoute route, Consumer consumer, EngineSnapshot snapshot, UpstreamConnector connector,
               DeadlineTimer timer, AiServices services, Runnable onDone) {
        this.client = client;
        this.request = request;
        this.info = info;
        this.facts = info.ai();
        this.operation = operation;
        this.route = route;
        this.consumer = consumer;
        this.pools = snapshot.pools();
        this.limits = snapshot.config().limits();
        this.connector = connector;
        this.timer = timer;
        this.services = services;
        this.onDone = onDone;
        this.responder = new AiResponder(client, info, HttpUtil.isKeepAlive(request));
    }

    /** Who hears of this exchange's event stream starting and ending. */
    AiExchange activity(ActivityListener listener) {
        this.activity = listener;
        return this;
    }

    @Override
    public void start() {
        try {
            begin();
        } catch (RuntimeException bug) {
            // A request must never end in silence: whatever broke, the client gets a JSON 500.
            respondError(GatewayError.INTERNAL, "the gateway failed on this request: " + bug, -1);
        }
    }

    private void begin() {
        startNanos = services.nanos().getAsLong();
        facts.api = operation.logName();
        facts.consumer = consumer == null ? null : consumer.name();
        Map<String, String> headers = new HashMap<>();
        if (route.template() != null) {
            request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        }
        AiRequestCheck check = AiRequestCheck.of(ByteBufUtil.getBytes(request.content()), operation, route, consumer,
                headers);
        facts.model = check.model();
        facts.safecheckStatus = check.safecheckStatus();
        if (check.refused()) {
            respondError(check.error(), check.message(), -1);
            return;
        }
        body = check.body();
        clientModel = check.model();
        streamRequested = check.stream();
        facts.responseType = streamRequested ? "stream" : "normal";
        promptEstimate = RequestUsage.estimatePromptTokens(body);
        services.limiter().admit(consumer, route.name(), route.limits(), promptEstimate)
                .whenComplete((admitted, error) -> onEventLoop(() -> admitted(admitted, error)));
    }

    private void admitted(Admission admitted, Throwable error) {
        if (done) {
            // The client left while a (remote) limiter decided: give back what it granted.
            if (admitted != null) {
                admitted.complete(0);
            }
            return;
        }
        if (error != null) {
            respondError(GatewayError.RATE_LIMITED, "the rate limiter is unavailable: " + error.getMessage(), 1000);
            return;
        }
        try {
            proceed(admitted);
        } catch (RuntimeException bug) {
            respondError(GatewayError.INTERNAL, "the gateway failed on this request: " + bug, -1);
        }
    }

    private void proceed(Admission admitted) {
        admission = admitted;
        facts.tokenRatelimitStatus = admitted.verdict().logValue();
        if (!admitted.admitted()) {
            boolean quota = admitted.verdict().refusedBy().name().startsWith("QUOTA");
            long retryAfter = admitted.verdict().retryAfterMillis();
            respondError(quota ? GatewayError.QUOTA_EXCEEDED : GatewayError.RATE_LIMITED,
                    (quota ? "token quota exhausted (" : "rate limit reached (") + admitted.verdict().logValue() + ")",
                    retryAfter);
            return;
        }
        if (serveFromCache()) {
            return;
        }
        if (streamRequested) {
            clientAskedForUsage = RequestUsage.ensureIncludeUsage(body);
        }
        plan = new AttemptPlan(route.targets(), route.config().retries(), route.config().retryBackoff(),
                route.config().totalTimeout());
        long totalNanos = route.config().totalTimeout().toNanos();
        totalTimeout = client.executor().schedule(this::totalTimedOut, totalNanos, TimeUnit.NANOSECONDS);
        attempt();
    }

    private boolean serveFromCache() {
        if (route.cache() == null || operation == AiOperation.EMBEDDINGS) {
            return false;
        }
        cacheKey = CacheKeys.of(JsonBytes.of(body), facts.consumer, route.name()).orElse(null);
        Optional<CachedAnswer> hit = cacheKey == null ? Optional.empty() : route.cache().get(cacheKey);
        facts.cacheStatus = hit.isPresent() ? "hit" : "miss";
        if (hit.isEmpty()) {
            return false;
        }
        CachedAnswer cached = hit.get();
        cached.usage().ifPresent(u -> {
            facts.inputTokens = u.promptTokens();
            facts.outputTokens = u.completionTokens();
        });
        info.status(200);
        if (streamRequested) {
            boolean askedUsage = body.path("stream_options").path("include_usage").asBoolean(false);
            startStream();
            writeToClient(cached.asSseStream(askedUsage));
            responder.endStream();
        } else {
            responder.json(HttpResponseStatus.OK, cached.bodyBytes(), null);
        }
        finish(0);
        return true;
    }

    // ---------------------------------------------------------------- attempts

    /** One try; a bug in it still answers the client instead of leaving it to the total timeout. */
    private void attempt() {
        try {
            tryTarget();
        } catch (RuntimeException bug) {
            if (call != null) {
                call.cancel();
            }
            respondError(GatewayError.INTERNAL, "the gateway failed on this request: " + bug, -1);
        }
    }

    private void tryTarget() {
        target = plan.current();
        if (plan.fallingBack()) {
            facts.fallbackFrom = plan.primaryPool();
        }
        UpstreamRequest adapted = target.adapter().adapt(request.uri(), body.deepCopy(), target.settings());
        if (adapted instanceof UnsupportedOperation unsupported) {
            if (!nextAttempt()) {
                respondError(GatewayError.INVALID_REQUEST, unsupported.message(), -1);
            }
            return;
        }
        providerCall = (ProviderCall) adapted;
        UpstreamPool pool = pools.get(target.pool());
        info.pool(target.pool());
        sent = upstreamRequest(providerCall);
        stream = null;
        answer = null;
        upstreamStatus = 0;
        call = new UpstreamCall(client.channel().eventLoop(), sent, info.clientIp(), pool, limits, connector, timer, this)
                .consumer(facts.consumer);
        if (streamRequested) {
            call.timeout(Math.min(route.config().firstTokenTimeout().toNanos(), limits.upstreamTimeout().toNanos()));
        }
        call.start();
    }

    /** Starts the next try (same pool again, or the next of the chain); false when none is left. */
    private boolean nextAttempt() {
        releaseSent();
        if (done || responder.started()) {
            return false;
        }
        long wait = plan.advance(retryAfterMillis);
        retryAfterMillis = -1;
        if (wait < 0) {
            return false;
        }
        if (wait == 0) {
            attempt();
        } else {
            client.executor().schedule(() -> {
                if (!done) {
                    attempt();
                }
            }, wait, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    private FullHttpRequest upstreamRequest(ProviderCall adapted) {
        ByteBuf content = Unpooled.wrappedBuffer(adapted.body());
        FullHttpRequest upstream = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                adapted.pathAndQuery(), content);
        HttpHeaders headers = upstream.headers();
        headers.set(request.headers());
        // Template variables are for the gateway; the upstream gets the prompt they produced.
        request.headers().names().stream()
                .filter(name -> name.regionMatches(true, 0, PromptDecorator.HEADER_PREFIX, 0, PromptDecorator.HEADER_PREFIX.length()))
                .forEach(headers::remove);
        adapted.removeHeaders().forEach(headers::remove);
        adapted.setHeaders().forEach(headers::set);
        headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        headers.remove(HttpHeaderNames.ACCEPT_ENCODING);
        return upstream;
    }

    private void releaseSent() {
        if (sent != null) {
            sent.release();
            sent = null;
        }
    }

    // ---------------------------------------------------------------- upstream events

    @Override
    public void onHead(HttpResponse head) {
        upstreamStatus = head.status().code();
        info.upstream(call.pool().name(), call.endpoint().address(), call.serviceNanos(), call.localAddress());
        boolean retryable = upstreamStatus >= 500 || upstreamStatus == 429;
        upstreamRetryAfter = head.headers().get(HttpHeaderNames.RETRY_AFTER);
        if (retryable) {
            retryAfterMillis = RetryAfter.millis(upstreamRetryAfter);
            if (hasNextAttempt()) {
                if (upstreamStatus >= 500) {
                    // Abandoning the response must not hide the error from outlier detection.
                    call.endpoint().health().onFailure();
                }
                call.cancel();
                nextAttempt();
                return;
            }
        }
        boolean eventStream = head.headers().get(HttpHeaderNames.CONTENT_TYPE, "").startsWith("text/event-stream");
        if (streamRequested && upstreamStatus == 200 && eventStream) {
            // OpenAI-compatible upstreams already speak the client's format; others, and renamed
            // models, go through the provider's translator.
            boolean translate = target.adapter().kind() != ProviderKind.OPENAI || providerCall.clientModel() != null;
            stream = new AiStream(translate ? target.adapter().streamTranslator(clientModel, true) : null,
                    route.guard(), clientAskedForUsage, promptEstimate, services.nanos());
            streamStartNanos = services.nanos().getAsLong();
        } else {
            answer = new ByteArrayOutputStream();
        }
    }

    private boolean hasNextAttempt() {
        return !responder.started() && plan.hasNext();
    }

    @Override
    public void onContent(HttpContent content) {
        try {
            byte[] bytes = ByteBufUtil.getBytes(content.content());
            if (stream != null) {
                byte[] out = stream.onUpstream(bytes);
                if (out.length > 0) {
                    if (!responder.started()) {
                        call.timeout(limits.upstreamTimeout().toNanos());
                        startStream();
                    }
                    writeToClient(out);
                }
                if (content instanceof LastHttpContent) {
                    upstreamStreamEnded();
                }
            } else {
                if (answer.size() + bytes.length > MAX_ANSWER_BYTES) {
                    call.cancel();
                    respondError(GatewayError.UPSTREAM_RESET, "the upstream's answer exceeds "
                            + MAX_ANSWER_BYTES + " bytes", -1);
                    return;
                }
                answer.writeBytes(bytes);
                if (content instanceof LastHttpContent) {
                    answerComplete();
                }
            }
        } catch (RuntimeException bug) {
            // The call may already be over (last content): nothing else would end this exchange
            // before the total timeout, so the client would wait minutes for the rest.
            call.cancel();
            respondError(GatewayError.UPSTREAM_RESET, "the gateway failed to process the upstream's answer", -1);
            throw bug;
        } finally {
            content.release();
        }
    }

    @Override
    public void onReadComplete() {
        if (responder.started() && !done) {
            responder.flush();
        }
    }

    @Override
    public void onFailed(GatewayError error, String message) {
        info.transportFailure(message);
        if (!nextAttempt()) {
            respondError(error, message, -1);
        }
    }

    @Override
    public void onCutShort() {
        info.transportFailure("the upstream broke off its answer");
        if (!responder.started() && nextAttempt()) {
            return;
        }
        if (responder.started()) {
            responder.cutShort();
            finish(usageOf(stream == null ? null : stream.usage()));
        } else {
            respondError(GatewayError.UPSTREAM_RESET, "the upstream broke off its answer", -1);
        }
    }

    private void upstreamStreamEnded() {
        byte[] rest = stream.onUpstreamEnd();
        if (!responder.started()) {
            startStream();
        }
        if (rest.length > 0) {
            writeToClient(rest);
        }
        TokenUsage usage = stream.usage();
        facts.safecheckStatus = merge(facts.safecheckStatus, stream.safecheckStatus());
        responder.endStream();
        finish(usageOf(usage));
    }

    private void answerComplete() {
        byte[] bytes = answer.toByteArray();
        if (upstreamStatus != 200) {
            ObjectNode error = target.adapter().translateError(upstreamStatus, bytes);
            info.status(upstreamStatus);
            // The last upstream's own wait hint reaches the client: its SDK retries on it.
            responder.json(HttpResponseStatus.valueOf(upstreamStatus), JsonBytes.of(error), upstreamRetryAfter);
            finish(0);
            return;
        }
        AiAnswer ready = AiAnswer.of(bytes, target.adapter(), providerCall.clientModel(), route.guard(),
                clientModel, promptEstimate);
        facts.safecheckStatus = merge(facts.safecheckStatus, ready.safecheckStatus());
        if (ready.problem() != null) {
            respondError(ready.blocked() ? GatewayError.CONTENT_BLOCKED : GatewayError.UPSTREAM_RESET, ready.problem(), -1);
            return;
        }
        info.status(200);
        if (cacheKey != null && route.cache() != null) {
            route.cache().put(cacheKey, CachedAnswer.fromResponse(200,
                    Map.of("content-type", "application/json"), ready.bytes()));
        }
        responder.json(HttpResponseStatus.OK, ready.bytes(), null);
        finish(usageOf(ready.usage()));
    }

    // ---------------------------------------------------------------- to the client

    private void startStream() {
        responder.startStream();
        streaming = true;
        activity.streamStarted();
    }

    private void writeToClient(byte[] bytes) {
        if (!responder.write(bytes) && call != null) {
            // Backpressure: stop reading upstream until the client drains (clientWritable).
            call.pauseReading();
            responder.flush();
        }
    }

    /** An error the gateway answers itself; ends the exchange. */
    private void respondError(GatewayError error, String message, long retryAfterMillis) {
        if (done) {
            return;
        }
        responder.error(error, message, retryAfterMillis);
        finish(0);
    }

    private void totalTimedOut() {
        if (done) {
            return;
        }
        if (call != null) {
            call.cancel();
        }
        respondError(GatewayError.UPSTREAM_TIMEOUT, "no complete answer within "
                + route.config().totalTimeout().toMillis() + " ms", -1);
    }

    @Override
    public void clientWritable() {
        if (call != null) {
            call.resumeReading();
        }
    }

    @Override
    public void clientClosed() {
        if (!done) {
            if (call != null) {
                call.cancel();
            }
            finish(usageOf(stream == null ? null : stream.usage()));
        }
    }

    // ---------------------------------------------------------------- the end

    /** Records the usage in the request's facts; returns input plus output tokens. */
    private long usageOf(TokenUsage usage) {
        if (usage == null) {
            return 0;
        }
        facts.inputTokens = usage.inputTokens();
        facts.outputTokens = usage.outputTokens();
        facts.tokensEstimated = usage.estimated();
        if (usage.firstTokenNanos() != null) {
            // The tracker counts from the response head; the log counts from the request's arrival.
            facts.firstTokenNanos = usage.firstTokenNanos() + (streamStartNanos - startNanos);
        }
        if (usage.model() != null) {
            facts.model = usage.model();
        }
        return usage.inputTokens() + usage.outputTokens();
    }

    private void finish(long tokensUsed) {
        if (done) {
            return;
        }
        done = true;
        if (streaming) {
            activity.streamEnded();
        }
        facts.serviceNanos = services.nanos().getAsLong() - startNanos;
        if (totalTimeout != null) {
            totalTimeout.cancel(false);
        }
        if (call != null && !call.isOver()) {
            call.cancel();
        }
        if (admission != null) {
            admission.complete(tokensUsed);
        }
        releaseSent();
        request.release();
        onDone.run();
    }

    private void onEventLoop(Runnable task) {
        if (client.executor().inEventLoop()) {
            task.run();
        } else {
            client.executor().execute(task);
        }
    }

    private static String merge(String requestStatus, String responseStatus) {
        if (responseStatus == null) {
            return requestStatus;
        }
        if (requestStatus == null || "pass".equals(requestStatus)) {
            return responseStatus;
        }
        return "pass".equals(responseStatus) ? requestStatus : responseStatus;
    }
}
