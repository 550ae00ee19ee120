package dev.gatehouse.engine;

import dev.gatehouse.engine.accesslog.AccessRecordSink;
import dev.gatehouse.engine.health.HealthListener;
import dev.gatehouse.engine.health.Ticker;
import dev.gatehouse.engine.server.Transport;
import dev.gatehouse.engine.telemetry.ActivityListener;

import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * How the engine runs, as opposed to what it serves (the config): transport, thread count, the
 * time source of health tracking, who hears of endpoint health changes, where request records
 * go, who hears of connections and streams opening and closing, and where provider credentials
 * ({@code apiKeyEnv}) are looked up. One event loop per core by default: the proxy path never
 * blocks, so more threads only add context switches.
 */
public record EngineOptions(Transport transport, int workerThreads, Ticker ticker, HealthListener healthListener,
                            AccessRecordSink records, UnaryOperator<String> environment, ActivityListener activity) {

    public EngineOptions {
        requireNonNull(records, "records");
        requireNonNull(environment, "environment");
        requireNonNull(activity, "activity");
    }

    public static EngineOptions defaults() {
        return new EngineOptions(Transport.best(), Runtime.getRuntime().availableProcessors(), Ticker.system(),
                HealthListener.none(), AccessRecordSink.none(), System::getenv, ActivityListener.none());
    }

    public EngineOptions withTransport(Transport sockets) {
        return new EngineOptions(sockets, workerThreads, ticker, healthListener, records, environment, activity);
    }

    public EngineOptions withWorkerThreads(int threads) {
        return new EngineOptions(transport, threads, ticker, healthListener, records, environment, activity);
    }

    public EngineOptions withHealthListener(HealthListener listener) {
        return new EngineOptions(transport, workerThreads, ticker, listener, records, environment, activity);
    }

    /** Where each finished request's record goes (telemetry, access log); must never block. */
    public EngineOptions withRecords(AccessRecordSink sink) {
        return new EngineOptions(transport, workerThreads, ticker, healthListener, sink, environment, activity);
    }

    /**
     * Looks provider credentials up in {@code environment} (null for an unset name) instead of the
     * process environment, which a test cannot set.
     */
    public EngineOptions withEnvironment(UnaryOperator<String> lookup) {
        return new EngineOptions(transport, workerThreads, ticker, healthListener, records, lookup, activity);
    }

    /** Who hears of client connections and AI streams opening and closing (live gauges); must never block. */
    public EngineOptions withActivity(ActivityListener listener) {
        return new EngineOptions(transport, workerThreads, ticker, healthListener, records, environment, listener);
    }
}
