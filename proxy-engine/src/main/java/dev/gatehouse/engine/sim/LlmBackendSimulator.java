package dev.gatehouse.engine.sim;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.server.Transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible LLM backend on Netty for demos, integration tests and benchmarks: chat and
 * legacy completions (streamed or not), {@code /v1/models}, {@code /health}, DCGM and vLLM
 * {@code /metrics} that follow load, plus {@code /echo}, {@code /bytes/{n}} and {@code /stream/{n}}
 * for proxy tests. Delays are scheduled on the event loop; nothing here sleeps.
 *
 * <pre>{@code
 * try (var sim = new LlmBackendSimulator(SimulatorOptions.builder().models("qwen-72b").build()).start()) {
 *     URI chat = URI.create(sim.baseUrl() + "/v1/chat/completions");
 * }
 * }</pre>
 */
public final class LlmBackendSimulator implements AutoCloseable {

    /** What the dice said for one completion request. */
    enum Fault { NONE, ERROR, HANG }

    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SimulatorOptions options;
    private final SimulatorStats stats = new SimulatorStats();
    private final Admission admission;
    private final Random faults;
    private final Random ids;
    private final ChannelGroup channels = new DefaultChannelGroup("llm-sim", GlobalEventExecutor.INSTANCE);
    private volatile boolean healthy = true;
    private EventLoopGroup group;
    private boolean ownGroup;
    private Channel serverChannel;
    private MetricsRenderer metrics;
    private long startedEpochSeconds;

    public LlmBackendSimulator(SimulatorOptions options) {
        this.options = requireNonNull(options, "options");
        this.admission = new Admission(options.maxNumSeqs());
        this.faults = new Random(options.seed());
        this.ids = new Random(options.seed() + 1);
    }

    /** Binds and returns once the port is open. Call from a plain thread, not an event loop. */
    public synchronized LlmBackendSimulator start() {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        ownGroup = options.eventLoopGroup() == null;
        group = ownGroup ? newGroup() : options.eventLoopGroup();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(Transport.of(group).serverChannel())
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        channels.add(ch);
                        stats.connectionAccepted();
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES),
                                new SimulatorHandler(LlmBackendSimulator.this));
                    }
                });
        try {
            serverChannel = bootstrap.bind(options.host(), options.port()).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            if (ownGroup) {
                group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            }
            throw e;
        }
        startedEpochSeconds = options.clock().instant().getEpochSecond();
        String hostname = options.hostname() != null ? options.hostname() : "sim-" + port();
        metrics = new MetricsRenderer(options.models().get(0), hostname, options.gpuCount(),
                options.maxNumSeqs(), options.seed());
        return this;
    }

    /** The bound port (the ephemeral one if the options said 0). */
    public int port() {
        if (serverChannel == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public String host() {
        return options.host();
    }

    /** {@code http://host:port}, without a trailing slash. */
    public String baseUrl() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port();
    }

    public SimulatorOptions options() {
        return options;
    }

    public SimulatorStats stats() {
        return stats;
    }

    /** Requests generating now (vLLM's {@code num_requests_running}). */
    public int runningRequests() {
        return admission.running();
    }

    /** Requests queued beyond {@code maxNumSeqs} (vLLM's {@code num_requests_waiting}). */
    public int waitingRequests() {
        return admission.waiting();
    }

    /** Sets what {@code /health} answers: 200 when healthy, 503 when not. Completions are unaffected. */
    public void setHealthy(boolean healthy) {
        this.healthy = healthy;
    }

    public boolean isHealthy() {
        return healthy;
    }

    /** Stops accepting, closes every connection (in-flight streams end abruptly) and frees threads. */
    @Override
    public synchronized void close() {
        if (serverChannel == null) {
            return;
        }
        serverChannel.close().syncUninterruptibly();
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        if (ownGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        serverChannel = null;
    }

    Admission admission() {
        return admission;
    }

    long startedEpochSeconds() {
        return startedEpochSeconds;
    }

    String renderMetrics() {
        return metrics.render(admission.running(), admission.waiting(), stats);
    }

    Fault rollFault() {
        double roll = faults.nextDouble();
        if (roll < options.errorRate()) {
            return Fault.ERROR;
        }
        return roll < options.errorRate() + options.hangRate() ? Fault.HANG : Fault.NONE;
    }

    String nextId() {
        char[] id = new char[24];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS.charAt(ids.nextInt(ID_CHARS.length()));
        }
        return new String(id);
    }

    private EventLoopGroup newGroup() {
        DefaultThreadFactory threads = new DefaultThreadFactory("llm-sim", true);
        // NIO is plenty for a simulator.
        return new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory());
    }
}
