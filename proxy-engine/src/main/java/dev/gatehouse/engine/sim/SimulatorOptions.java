package dev.gatehouse.engine.sim;

import static java.util.Objects.requireNonNull;

import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How an {@link LlmBackendSimulator} behaves: what it serves, where it binds, how fast it "generates"
 * and how often it fails. Build with {@link #builder()}; every option has a demo-friendly default.
 *
 * @param models        model ids served; a request for another model gets 404 {@code model_not_found}
 * @param host          bind address
 * @param port          bind port, 0 for an ephemeral one
 * @param timeToFirstToken delay before the first streamed token
 * @param tokensPerSecond  decode speed; streamed tokens are {@link #interChunkDelay()} apart
 * @param baseLatency   delay of a non-streamed response
 * @param errorRate     fraction of completion requests answered 500 with an OpenAI-style error
 * @param hangRate      fraction of completion requests never answered (to test timeouts)
 * @param seed          seed of the simulator's Random: same seed and requests, same answers
 * @param gpuCount      simulated GPUs reported on {@code /metrics}
 * @param maxNumSeqs    requests generated at once; further ones wait (vLLM's max_num_seqs)
 * @param hostname      the {@code Hostname} label on GPU metrics; null means {@code sim-<port>}
 * @param eventLoopGroup a group to run on, owned by the caller; null means the simulator creates
 *                       (and closes) its own single-threaded one
 * @param clock         wall clock for {@code created} fields and latency measurements
 */
public record SimulatorOptions(
        List<String> models,
        String host,
        int port,
        Duration timeToFirstToken,
        double tokensPerSecond,
        Duration baseLatency,
        double errorRate,
        double hangRate,
        long seed,
        int gpuCount,
        int maxNumSeqs,
        String hostname,
        EventLoopGroup eventLoopGroup,
        Clock clock) {

    public SimulatorOptions {
        models = List.copyOf(requireNonNull(models, "models"));
        if (models.isEmpty()) {
            throw new IllegalArgumentException("models: at least one model id is needed");
        }
        requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected 0-65535)");
        }
        requireNonNegative(requireNonNull(timeToFirstToken, "timeToFirstToken"), "timeToFirstToken");
        requireNonNegative(requireNonNull(baseLatency, "baseLatency"), "baseLatency");
        if (!(tokensPerSecond > 0)) {
            throw new IllegalArgumentException("tokensPerSecond: " + tokensPerSecond + " (expected > 0)");
        }
        requireFraction(errorRate, "errorRate");
        requireFraction(hangRate, "hangRate");
        if (gpuCount < 1 || maxNumSeqs < 1) {
            throw new IllegalArgumentException("gpuCount and maxNumSeqs must be >= 1");
        }
        requireNonNull(clock, "clock");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The gap between two streamed tokens, {@code 1 / tokensPerSecond}. */
    public Duration interChunkDelay() {
        return Duration.ofNanos(Math.round(1_000_000_000d / tokensPerSecond));
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.models = models;
        b.host = host;
        b.port = port;
        b.timeToFirstToken = timeToFirstToken;
        b.tokensPerSecond = tokensPerSecond;
        b.baseLatency = baseLatency;
        b.errorRate = errorRate;
        b.hangRate = hangRate;
        b.seed = seed;
        b.gpuCount = gpuCount;
        b.maxNumSeqs = maxNumSeqs;
        b.hostname = hostname;
        b.eventLoopGroup = eventLoopGroup;
        b.clock = clock;
        return b;
    }

    private static void requireNonNegative(Duration d, String name) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + ": " + d + " (expected >= 0)");
        }
    }

    private static void requireFraction(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + ": " + value + " (expected 0.0-1.0)");
        }
    }

    /** Builds {@link SimulatorOptions}; defaults: one model "sim-model", loopback, ephemeral port. */
    public static final class Builder {
        private List<String> models = List.of("sim-model");
        private String host = "127.0.0.1";
        private int port;
        private Duration timeToFirstToken = Duration.ofMillis(150);
        private double tokensPerSecond = 40;
        private Duration baseLatency = Duration.ofMillis(200);
        private double errorRate;
        private double hangRate;
        private long seed = 42;
        private int gpuCount = 1;
        private int maxNumSeqs = 8;
        private String hostname;
        private EventLoopGroup eventLoopGroup;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder models(String... ids) {
            this.models = List.of(ids);
            return this;
        }

        public Builder models(List<String> ids) {
            this.models = ids;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder timeToFirstToken(Duration ttft) {
            this.timeToFirstToken = ttft;
            return this;
        }

        public Builder tokensPerSecond(double tokensPerSecond) {
            this.tokensPerSecond = tokensPerSecond;
            return this;
        }

        public Builder baseLatency(Duration baseLatency) {
            this.baseLatency = baseLatency;
            return this;
        }

        public Builder errorRate(double errorRate) {
            this.errorRate = errorRate;
            return this;
        }

        public Builder hangRate(double hangRate) {
            this.hangRate = hangRate;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder gpuCount(int gpuCount) {
            this.gpuCount = gpuCount;
            return this;
        }

        public Builder maxNumSeqs(int maxNumSeqs) {
            this.maxNumSeqs = maxNumSeqs;
            return this;
        }

        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        public Builder eventLoopGroup(EventLoopGroup group) {
            this.eventLoopGroup = group;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(models, host, port, timeToFirstToken, tokensPerSecond,
                    baseLatency, errorRate, hangRate, seed, gpuCount, maxNumSeqs, hostname,
                    eventLoopGroup, clock);
        }
    }
}
