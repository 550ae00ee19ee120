package dev.gatehouse.engine;

import dev.gatehouse.engine.accesslog.AccessRecordSink;
import dev.gatehouse.engine.health.HealthListener;
import dev.gatehouse.engine.health.Ticker;
import dev.gatehouse.engine.server.Transport;

/**
 * How the engine runs, as opposed to what it serves (the config): transport, thread count, the
 * time source of health tracking, who hears of endpoint health changes, and where request
 * records go. One event loop per
 * core by default: the proxy path never blocks, so more threads only add context switches.
 */
public record EngineOptions(Transport transport, int workerThreads, Ticker ticker, HealthListener healthListener,
                            AccessRecordSink records) {

    public static EngineOptions defaults() {
        return new EngineOptions(Transport.best(), Runtime.getRuntime().availableProcessors(), Ticker.system(),
                HealthListener.none(), AccessRecordSink.none());
    }

    public EngineOptions withWorkerThreads(int threads) {
        return new EngineOptions(transport, threads, ticker, healthListener, records);
    }

    public EngineOptions withHealthListener(HealthListener listener) {
        return new EngineOptions(transport, workerThreads, ticker, listener, records);
    }

    /** Where each finished request's record goes (telemetry, access log); must never block. */
    public EngineOptions withRecords(AccessRecordSink sink) {
        return new EngineOptions(transport, workerThreads, ticker, healthListener, sink);
    }
}
