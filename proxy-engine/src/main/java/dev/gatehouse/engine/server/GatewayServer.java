package dev.gatehouse.engine.server;

import dev.gatehouse.engine.accesslog.AccessRecordSink;
import dev.gatehouse.engine.ai.AiServices;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.telemetry.ActivityListener;
import dev.gatehouse.engine.upstream.UpstreamConnector;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.resolver.AddressResolverGroup;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The Netty side of the engine: event loops, listeners, client connections and upstream
 * connection pools. Serves whatever snapshot {@code snapshots} returns at each request. Methods
 * that bind or drain block their caller and must never be called from an event loop.
 */
public final class GatewayServer implements ProxyRuntime, AutoCloseable {

    /** Client-side write buffer marks: past the high mark the upstream stops being read. */
    static final WriteBufferWaterMark CLIENT_WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    private final Supplier<EngineSnapshot> snapshots;
    private final Transport transport;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final UpstreamConnector connector;
    private final AddressResolverGroup<InetSocketAddress> resolver;
    private final ChannelGroup clients = new DefaultChannelGroup("clients", GlobalEventExecutor.INSTANCE);
    /** Upstream connections and DNS sockets: on the workers' event loops too, but not accepted. */
    private final ChannelGroup outbound = new DefaultChannelGroup("outbound", GlobalEventExecutor.INSTANCE);
    private final Map<ListenerConfig, Channel> listeners = new LinkedHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;
    private final AiServices aiServices;
    private final AccessRecordSink records;
    private final ActivityListener activity;

    public GatewayServer(Supplier<EngineSnapshot> snapshots, Transport transport, int workerThreads,
                         AiServices aiServices, AccessRecordSink records, ActivityListener activity) {
        this.activity = Objects.requireNonNull(activity, "activity");
        this.aiServices = aiServices;
        this.records = records;
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.transport = transport;
        this.acceptors = transport.newGroup(1, "gatehouse-accept");
        this.workers = transport.newGroup(workerThreads, "gatehouse-io");
        this.resolver = transport.newResolver(outbound);
        this.connector = new UpstreamConnector(transport.clientChannel(), resolver, outbound);
    }

    @Override
    public EngineSnapshot snapshot() {
        return snapshots.get();
    }

    @Override
    public UpstreamConnector connector() {
        return connector;
    }

    @Override
    public AtomicInteger inFlight() {
        return inFlight;
    }

    @Override
    public AccessRecordSink records() {
        return records;
    }

    @Override
    public ActivityListener activity() {
        return activity;
    }

    @Override
    public AiServices ai() {
        return aiServices;
    }

    @Override
    public boolean draining() {
        return draining;
    }

    public EventLoopGroup workers() {
        return workers;
    }

    public Transport transport() {
        return transport;
    }

    /**
     * Makes the listening sockets match {@code wanted}: binds new ones first (failing before any
     * change if one cannot be bound), then closes the ones no longer wanted. Connections already
     * accepted on a closed listener carry on.
     */
    public synchronized void bind(List<ListenerConfig> wanted) throws InterruptedException {
        Map<ListenerConfig, Channel> added = new LinkedHashMap<>();
        try {
            for (ListenerConfig listener : wanted) {
                if (!listeners.containsKey(listener)) {
                    added.put(listener, newBootstrap().bind(listener.host(), listener.port()).sync().channel());
                }
            }
        } catch (Exception e) {
            added.values().forEach(Channel::close);
            throw e;
        }
        List<ListenerConfig> removed = new ArrayList<>(listeners.keySet());
        removed.removeAll(wanted);
        for (ListenerConfig listener : removed) {
            listeners.remove(listener).close().sync();
        }
        listeners.putAll(added);
    }

    /** The addresses being listened on, in config order, with actual ports (for port 0). */
    public synchronized List<InetSocketAddress> addresses() {
        return listeners.values().stream().map(c -> (InetSocketAddress) c.localAddress()).toList();
    }

    private ServerBootstrap newBootstrap() {
        return new ServerBootstrap()
                .group(acceptors, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, CLIENT_WATER_MARK)
                .childHandler(new ProxyInitializer(this, clients));
    }

    /**
     * Graceful shutdown: stop accepting, let in-flight requests finish up to {@code deadline},
     * close idle connections at once, then close everything. Completes when all is closed.
     */
    public CompletableFuture<Void> drain(Duration deadline) {
        draining = true;
        CompletableFuture<Void> drained = new CompletableFuture<>();
        synchronized (this) {
            // Wait for the sockets to close: once drain returns, a new connection must be refused.
            listeners.values().stream().map(Channel::close).toList().forEach(ChannelFuture::awaitUninterruptibly);
            listeners.clear();
        }
        clients.forEach(c -> c.pipeline().fireUserEventTriggered(ProxyHandler.DRAIN));
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        ScheduledFuture<?> poll = acceptors.next().scheduleAtFixedRate(() -> {
            if (inFlight.get() == 0 || System.nanoTime() >= giveUpAt) {
                drained.complete(null);
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        // close() waits for the event loops to terminate, so it must not run on one of them.
        return drained.thenRunAsync(() -> {
            poll.cancel(false);
            close();
        }, task -> Thread.ofPlatform().daemon().name("gatehouse-drain").start(task));
    }

    @Override
    public void close() {
        draining = true;
        synchronized (this) {
            listeners.values().forEach(Channel::close);
            listeners.clear();
        }
        clients.close().awaitUninterruptibly();
        // Every socket closes before its event loop stops: io_uring keeps a read, with its buffer,
        // outstanding on each open one, and a loop that ends under it never releases that buffer.
        resolver.close();
        outbound.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
