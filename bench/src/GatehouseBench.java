import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.ai.auth.ApiKeyHash;
import dev.gatehouse.engine.ai.auth.ApiKeys;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.HealthCheckConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gatehouse's benchmark helpers, run with the JDK's single-file launcher and the gateway's jars on
 * the class path (see bench/run.sh):
 *
 * <pre>
 *   sse-origin PORT                      SSE origin: GET /sse?n=N&amp;interval_ms=I answers N events,
 *                                        each stamped "data: &lt;System.nanoTime()&gt; &lt;i&gt;" when written
 *   sse-client HOST PORT STREAMS CHUNKS INTERVAL_MS LABEL
 *                                        holds STREAMS streams at once, starts spread over one
 *                                        interval, prints per-chunk delay (receive - stamp) stats
 *   reload ROUTES REPS                   times GatewayEngine.apply of a ROUTES-route config
 *   keygen                               a new consumer API key and its stored form, one line:
 *                                        "KEY=gh-... SALT=&lt;hex&gt; SHA256=&lt;hex&gt;"
 * </pre>
 *
 * System.nanoTime() is CLOCK_MONOTONIC on Linux, one clock for every process of the machine, so the
 * client can subtract the origin's stamp. Everything is bounded in count and time.
 */
public final class GatehouseBench {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "sse-origin" -> sseOrigin(Integer.parseInt(args[1]));
            case "sse-client" -> sseClient(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]), args[6]);
            case "reload" -> reload(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "keygen" -> keygen();
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: GatehouseBench sse-origin PORT | sse-client HOST PORT STREAMS CHUNKS INTERVAL_MS LABEL"
                + " | reload ROUTES REPS | keygen");
        System.exit(2);
    }

    // ---------------------------------------------------------------- transport

    private static final boolean EPOLL = Epoll.isAvailable();
    private static final int RAMP_ROUNDS = Integer.getInteger("bench.rampRounds", 10);
    private static final boolean SLOW_LOG = Boolean.getBoolean("bench.slowLog");

    private static EventLoopGroup group(int threads) {
        IoHandlerFactory factory = EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, factory);
    }

    private static Class<? extends ServerChannel> serverChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    private static Class<? extends SocketChannel> clientChannel() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    // ---------------------------------------------------------------- SSE origin

    /** Serves until killed (run.sh stops it); one event loop: it only writes small chunks. */
    private static void sseOrigin(int port) throws InterruptedException {
        EventLoopGroup loops = group(1);
        Channel server = new ServerBootstrap()
                .group(loops)
                .channel(serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                new SseOriginHandler());
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
        System.out.println("sse-origin listening on 127.0.0.1:" + port + " (" + (EPOLL ? "epoll" : "nio") + ")");
        server.closeFuture().sync();
    }

    private static final class SseOriginHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof FullHttpRequest request)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            QueryStringDecoder query = new QueryStringDecoder(request.uri());
            request.release();
            if (query.path().equals("/health")) {
                var ok = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        Unpooled.copiedBuffer("ok", StandardCharsets.US_ASCII));
                ok.headers().set(HttpHeaderNames.CONTENT_LENGTH, 2);
                HttpUtil.setKeepAlive(ok, keepAlive);
                ctx.writeAndFlush(ok);
                return;
            }
            int n = Math.min(10_000, intParam(query, "n", 20));
            long intervalNanos = TimeUnit.MILLISECONDS.toNanos(Math.min(10_000, intParam(query, "interval_ms", 100)));
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                    .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            HttpUtil.setKeepAlive(head, keepAlive);
            ctx.write(head);
            long start = System.nanoTime();
            emit(ctx, 0, n, start, intervalNanos);
        }

        /** Chunk i goes at start + i * interval (a fixed schedule, not drifting), stamped as written. */
        private static void emit(ChannelHandlerContext ctx, int i, int n, long start, long intervalNanos) {
            if (!ctx.channel().isActive()) {
                return;
            }
            if (i == n) {
                ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
                return;
            }
            ByteBuf buf = ctx.alloc().buffer(48);
            long stamp = System.nanoTime();
            buf.writeCharSequence("data: " + stamp + " " + i + "\n\n", StandardCharsets.US_ASCII);
            ctx.writeAndFlush(new DefaultHttpContent(buf));
            long next = start + (i + 1) * intervalNanos;
            ctx.executor().schedule(() -> emit(ctx, i + 1, n, start, intervalNanos),
                    Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        private static int intParam(QueryStringDecoder query, String name, int fallback) {
            List<String> values = query.parameters().get(name);
            return values == null || values.isEmpty() ? fallback : Integer.parseInt(values.get(0));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    // ---------------------------------------------------------------- SSE client

    /**
     * Opens {@code streams} streams, stream i starting at i * interval / streams so that chunks
     * arrive evenly rather than in bursts, and records for every event the delay from the origin's
     * stamp to its arrival here. Prints "ALL_STREAMS_OPEN" once every stream got its first event
     * (run.sh samples the gateway's heap then), and a summary line at the end.
     */
    private static void sseClient(String host, int port, int streams, int chunks, int intervalMs, String label)
            throws InterruptedException {
        EventLoopGroup loops = group(1);
        // Warm this JVM (and the path) first: a cold client's JIT would be counted as the path's delay.
        SseRun warm = sseRun(loops, host, port, Math.min(streams, 500), 60, 25, false);
        System.out.printf("SSE-WARMUP label=%s completed=%d p50_us=%.1f p99_us=%.1f%n", label, warm.completed,
                warm.pct(50) / 1e3, warm.pct(99) / 1e3);
        SseRun run = sseRun(loops, host, port, streams, chunks, intervalMs, true);
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        System.out.printf("SSE label=%s streams=%d completed=%d failed=%d timed_out=%b events=%d expected=%d"
                        + " p50_us=%.1f p90_us=%.1f p99_us=%.1f p999_us=%.1f max_us=%.1f within_1ms_pct=%.3f elapsed_ms=%d%n",
                label, streams, run.completed, run.failed, run.timedOut, run.sorted.length, (long) streams * chunks,
                run.pct(50) / 1e3, run.pct(90) / 1e3, run.pct(99) / 1e3, run.pct(99.9) / 1e3,
                run.sorted.length == 0 ? Double.NaN : run.sorted[run.sorted.length - 1] / 1e3,
                run.sharePercentBelow(1_000_000), run.elapsedMs);
        System.exit(run.completed == streams ? 0 : 1);
    }

    private record SseRun(int completed, int failed, boolean timedOut, long[] sorted, long elapsedMs) {
        long pct(double p) {
            return GatehouseBench.pct(sorted, p);
        }

        double sharePercentBelow(long nanos) {
            int below = 0;
            while (below < sorted.length && sorted[below] < nanos) {
                below++;
            }
            return sorted.length == 0 ? Double.NaN : 100.0 * below / sorted.length;
        }
    }

    private static SseRun sseRun(EventLoopGroup loops, String host, int port, int streams, int chunks, int intervalMs,
                                 boolean announce) throws InterruptedException {
        long[] delays = new long[streams * chunks];
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger firstEvents = new AtomicInteger(announce ? 0 : Integer.MIN_VALUE);
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(streams);
        String uri = "/sse?n=" + chunks + "&interval_ms=" + intervalMs;
        Bootstrap bootstrap = new Bootstrap()
                .group(loops)
                .channel(clientChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000);
        // Stream s starts at phase s * interval / streams, so that chunks arrive evenly rather than in
        // bursts, and in ramp round s % RAMP_ROUNDS, so that connections open over RAMP_ROUNDS intervals
        // (opening 1,000 TCP connections within 100 ms saturates 2 cores by itself).
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        long spreadNanos = intervalNanos / Math.max(1, streams);
        int rounds = Math.max(1, Math.min(RAMP_ROUNDS, chunks / 4));
        long t0 = System.nanoTime();
        for (int s = 0; s < streams; s++) {
            long at = t0 + s * spreadNanos + (s % rounds) * intervalNanos;
            loops.next().schedule(() -> {
                bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new SseClientHandler(
                                host + ":" + port, uri, chunks, delays, recorded, firstEvents, streams, completed,
                                failed, ended));
                    }
                }).connect(host, port).addListener(f -> {
                    if (!f.isSuccess()) {
                        failed.incrementAndGet();
                        ended.countDown();
                    }
                });
            }, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        long budgetMs = (long) (chunks + rounds) * intervalMs + intervalMs + 30_000;
        boolean allEnded = ended.await(budgetMs, TimeUnit.MILLISECONDS);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        int count = Math.min(recorded.get(), delays.length);
        long[] sorted = Arrays.copyOf(delays, count);
        Arrays.sort(sorted);
        return new SseRun(completed.get(), failed.get(), !allEnded, sorted, elapsedMs);
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static final class SseClientHandler extends ChannelInboundHandlerAdapter {
        private final String hostHeader;
        private final String uri;
        private final int chunks;
        private final long[] delays;
        private final AtomicInteger recorded;
        private final AtomicInteger firstEvents;
        private final int streams;
        private final AtomicInteger completed;
        private final AtomicInteger failed;
        private final CountDownLatch ended;
        private final StringBuilder pending = new StringBuilder();
        private int events;
        private boolean done;

        SseClientHandler(String hostHeader, String uri, int chunks, long[] delays, AtomicInteger recorded,
                         AtomicInteger firstEvents, int streams, AtomicInteger completed, AtomicInteger failed,
                         CountDownLatch ended) {
            this.hostHeader = hostHeader;
            this.uri = uri;
            this.chunks = chunks;
            this.delays = delays;
            this.recorded = recorded;
            this.firstEvents = firstEvents;
            this.streams = streams;
            this.completed = completed;
            this.failed = failed;
            this.ended = ended;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
            request.headers().set(HttpHeaderNames.HOST, hostHeader)
                    .set(HttpHeaderNames.ACCEPT, "text/event-stream")
                    .set(HttpHeaderNames.CONTENT_LENGTH, 0);
            ctx.writeAndFlush(request);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            long now = System.nanoTime();
            try {
                if (msg instanceof HttpResponse response && response.status().code() != 200) {
                    finish(ctx, false);
                    return;
                }
                if (msg instanceof HttpContent content) {
                    pending.append(content.content().toString(StandardCharsets.US_ASCII));
                    int end;
                    while ((end = pending.indexOf("\n\n")) >= 0) {
                        String event = pending.substring(0, end);
                        pending.delete(0, end + 2);
                        if (event.startsWith("data: ")) {
                            int space = event.indexOf(' ', 6);
                            long stamp = Long.parseLong(event.substring(6, space < 0 ? event.length() : space));
                            int slot = recorded.getAndIncrement();
                            if (slot < delays.length) {
                                delays[slot] = now - stamp;
                            }
                            if (SLOW_LOG && now - stamp > 5_000_000) {
                                System.err.println("slow event " + event + " delay_ms=" + (now - stamp) / 1e6
                                        + " at_ms=" + (now / 1_000_000 % 100_000));
                            }
                            if (++events == 1 && firstEvents.incrementAndGet() == streams) {
                                System.out.println("ALL_STREAMS_OPEN");
                                System.out.flush();
                            }
                        }
                    }
                    if (msg instanceof LastHttpContent) {
                        finish(ctx, events == chunks);
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void finish(ChannelHandlerContext ctx, boolean ok) {
            if (done) {
                return;
            }
            done = true;
            (ok ? completed : failed).incrementAndGet();
            ended.countDown();
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            finish(ctx, false);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            finish(ctx, false);
        }
    }

    // ---------------------------------------------------------------- keygen

    /** A consumer key as the admin API would issue it, and the salted hash the config stores. */
    private static void keygen() {
        SecureRandom random = new SecureRandom();
        String key = ApiKeys.generate(random);
        ApiKeyHash hash = ApiKeyHash.of(key, random);
        if (!hash.matches(key)) {
            throw new IllegalStateException("the generated hash does not match its key");
        }
        System.out.println("KEY=" + key + " SALT=" + hash.salt() + " SHA256=" + hash.hash());
    }

    // ---------------------------------------------------------------- reload

    /**
     * Starts an engine on a 1-route config (port 0), then times {@code apply} of a {@code routes}-
     * route config: validation, route compilation, pool build and the snapshot swap. Two big
     * configs that differ are alternated so that every apply does the full work.
     */
    private static void reload(int routes, int reps) throws Exception {
        HealthCheckConfig noChecks = new HealthCheckConfig(false, null, null, null, null, null);
        PoolConfig pool = new PoolConfig("bench", null, List.of(EndpointConfig.of("127.0.0.1", 9)), noChecks, null);
        List<ListenerConfig> listen = List.of(ListenerConfig.of("127.0.0.1", 0));
        GatewayConfig small = new GatewayConfig(listen,
                List.of(new RouteConfig("only", 0, RouteMatch.any(), "bench")), List.of(pool), null);
        GatewayConfig[] big = {bigConfig(listen, pool, routes, "a"), bigConfig(listen, pool, routes, "b")};
        int warmups = Math.max(5, reps / 2);
        double[] ms = new double[reps];
        double coldMs;
        try (GatewayEngine engine = GatewayEngine.start(small)) {
            long cold = System.nanoTime();
            engine.apply(big[1]);
            coldMs = (System.nanoTime() - cold) / 1e6;
            for (int i = 0; i < warmups; i++) {
                engine.apply(big[i % 2]);
                engine.apply(small);
            }
            for (int i = 0; i < reps; i++) {
                engine.apply(small);
                GatewayConfig next = big[i % 2];
                long t = System.nanoTime();
                engine.apply(next);
                ms[i] = (System.nanoTime() - t) / 1e6;
                if (engine.snapshot().routes().size() != routes) {
                    throw new IllegalStateException("apply did not take the big config");
                }
            }
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("RELOAD routes=%d reps=%d warmups=%d median_ms=%.2f min_ms=%.2f max_ms=%.2f cold_ms=%.2f"
                        + " all_ms=%s%n", routes, reps, warmups, sorted[reps / 2], sorted[0], sorted[reps - 1], coldMs,
                Arrays.toString(round(ms)));
        System.exit(0);
    }

    private static String[] round(double[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = String.format("%.1f", values[i]);
        }
        return out;
    }

    /** A mix like a multi-tenant AI gateway's: exact and prefix paths, hosts, headers, models, some regexes. */
    private static GatewayConfig bigConfig(List<ListenerConfig> listen, PoolConfig pool, int count, String variant) {
        List<RouteConfig> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String tenant = "t" + i;
            RouteMatch match = switch (i % 10) {
                case 0, 1, 2, 3 -> new RouteMatch(null, PathMatch.exact("/v1/" + tenant + "/chat/completions"),
                        List.of("POST"), null, null);
                case 4, 5, 6 -> new RouteMatch(List.of(tenant + ".api.example.com"), PathMatch.prefix("/v1/"),
                        null, null, null);
                case 7 -> new RouteMatch(null, PathMatch.prefix("/v1/"), List.of("POST"),
                        Map.of("x-tenant", tenant), List.of("model-" + i));
                case 8 -> new RouteMatch(null, PathMatch.prefix("/api/" + tenant + "/"), null,
                        Map.of("x-team", variant), null);
                default -> new RouteMatch(null, PathMatch.regex("/r/" + tenant + "/[a-z]+/\\d+"), null, null, null);
            };
            list.add(new RouteConfig("route-" + variant + "-" + i, i % 7, match, "bench"));
        }
        return new GatewayConfig(listen, list, List.of(pool), null);
    }
}
