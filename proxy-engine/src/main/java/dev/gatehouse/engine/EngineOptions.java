package dev.gatehouse.engine;

import dev.gatehouse.engine.server.Transport;

/**
 * How the engine runs, as opposed to what it serves (the config): transport and thread count.
 * One event loop per core by default: the proxy path never blocks, so more threads only add
 * context switches.
 */
public record EngineOptions(Transport transport, int workerThreads) {

    public static EngineOptions defaults() {
        return new EngineOptions(Transport.best(), Runtime.getRuntime().availableProcessors());
    }

    public EngineOptions withWorkerThreads(int threads) {
        return new EngineOptions(transport, threads);
    }
}
