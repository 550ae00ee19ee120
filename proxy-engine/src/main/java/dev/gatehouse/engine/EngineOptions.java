package dev.gatehouse.engine;

import dev.gatehouse.engine.health.HealthListener;
import dev.gatehouse.engine.health.Ticker;
import dev.gatehouse.engine.server.Transport;

/**
 * How the engine runs, as opposed to what it serves (the config): transport, thread count, the
 * time source of health tracking, and who hears of endpoint health changes. One event loop per
 * core by default: the proxy path never blocks, so more threads only add context switches.
 */
public record EngineOptions(Transport transport, int workerThreads, Ticker ticker, HealthListener healthListener) {

    public static EngineOptions defaults() {
        return new EngineOptions(Transport.best(), Runtime.getRuntime().availableProcessors(), Ticker.system(),
                HealthListener.none());
    }

    public EngineOptions withWorkerThreads(int threads) {
        return new EngineOptions(transport, threads, ticker, healthListener);
    }

    public EngineOptions withHealthListener(HealthListener listener) {
        return new EngineOptions(transport, workerThreads, ticker, listener);
    }
}
