package dev.gatehouse.engine.testing;

import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;

/** Simulated LLM backends for tests: on loopback, an ephemeral port, closed by the test's {@link Closer}. */
public final class Simulators {

    private Simulators() {
    }

    public static LlmBackendSimulator start(Closer closer, SimulatorOptions.Builder options) {
        return closer.add(new LlmBackendSimulator(options.host("127.0.0.1").port(0).build()).start());
    }
}
