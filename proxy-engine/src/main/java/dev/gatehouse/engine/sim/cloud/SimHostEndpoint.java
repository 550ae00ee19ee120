package dev.gatehouse.engine.sim.cloud;

/** One instance the simulated ModelArts service reports: where a simulated LLM backend listens. */
public record SimHostEndpoint(String schema, String ip, int port) {

    public static SimHostEndpoint http(String ip, int port) {
        return new SimHostEndpoint("http", ip, port);
    }
}
