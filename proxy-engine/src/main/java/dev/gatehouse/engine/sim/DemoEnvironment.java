package dev.gatehouse.engine.sim;

import dev.gatehouse.engine.config.DiscoveryConfig;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.FallbackConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;
import dev.gatehouse.engine.config.ModelArtsDiscoveryConfig;
import dev.gatehouse.engine.sim.cloud.CloudSimOptions;
import dev.gatehouse.engine.sim.cloud.CloudSimulator;
import dev.gatehouse.engine.sim.cloud.DemoAccount;
import dev.gatehouse.engine.sim.cloud.SimHostEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first-run demo: five simulated backends on loopback in three pools, and a
 * {@link GatewayConfig} that routes each model to its pool. {@code qwen-72b} has two fast
 * backends, {@code llama-3-8b} a fast and a slow one, {@code deepseek-r1} one flaky backend
 * (15% errors, 2% hangs). A simulated Huawei Cloud runs alongside: its ModelArts service's host
 * endpoints are the qwen backends, and the qwen pool discovers its endpoints from it with the
 * credentials saved as {@link #CLOUD_CREDENTIALS} (see {@link #cloudCredentialsName()}). Closing
 * it stops every simulator.
 */
public final class DemoEnvironment implements AutoCloseable {

    public static final String QWEN = "qwen-72b";
    public static final String LLAMA = "llama-3-8b";
    public static final String DEEPSEEK = "deepseek-r1";

    /** The config's reference to the simulated cloud's demo credentials, which the app saves in its vault. */
    public static final String CLOUD_CREDENTIALS = "vault:cloud-sim-demo";

    private final Map<String, List<LlmBackendSimulator>> pools;
    private final CloudSimulator cloud;
    private final GatewayConfig config;

    private DemoEnvironment(Map<String, List<LlmBackendSimulator>> pools, CloudSimulator cloud, GatewayConfig config) {
        this.pools = pools;
        this.cloud = cloud;
        this.config = config;
    }

    /** Starts the simulators and builds a config whose one listener is {@code gatewayHost:gatewayPort}. */
    public static DemoEnvironment start(String gatewayHost, int gatewayPort) {
        Map<String, List<SimulatorOptions>> plan = new LinkedHashMap<>();
        plan.put(QWEN, List.of(
                backend(QWEN, 1, 40, 150, 4),
                backend(QWEN, 2, 40, 150, 4)));
        plan.put(LLAMA, List.of(
                backend(LLAMA, 3, 60, 120, 1),
                backend(LLAMA, 4, 15, 400, 1)));
        plan.put(DEEPSEEK, List.of(
                backend(DEEPSEEK, 5, 25, 600, 8).toBuilder().errorRate(0.15).hangRate(0.02).build()));

        Map<String, List<LlmBackendSimulator>> started = new LinkedHashMap<>();
        try {
            plan.forEach((model, backends) -> {
                List<LlmBackendSimulator> pool = new ArrayList<>();
                started.put(model, pool);
                for (SimulatorOptions options : backends) {
                    pool.add(new LlmBackendSimulator(options).start());
                }
            });
        } catch (RuntimeException e) {
            started.values().forEach(pool -> pool.forEach(LlmBackendSimulator::close));
            throw e;
        }
        CloudSimulator cloud;
        try {
            cloud = new CloudSimulator(CloudSimOptions.defaults()).start();
        } catch (RuntimeException e) {
            started.values().forEach(pool -> pool.forEach(LlmBackendSimulator::close));
            throw e;
        }
        cloud.setHostEndpoints(started.get(QWEN).stream().map(s -> SimHostEndpoint.http(s.host(), s.port())).toList());
        return new DemoEnvironment(Map.copyOf(started), cloud, config(gatewayHost, gatewayPort, started, cloud));
    }

    /** The simulated Huawei Cloud whose ModelArts service serves the qwen backends. */
    public CloudSimulator cloud() {
        return cloud;
    }

    /** The vault entry name of {@link #CLOUD_CREDENTIALS}. */
    public static String cloudCredentialsName() {
        return CLOUD_CREDENTIALS.substring("vault:".length());
    }

    /** The gateway configuration: one listener, one route and one pool per model. */
    public GatewayConfig config() {
        return config;
    }

    /** The simulators serving {@code model}, in the pool's endpoint order. */
    public List<LlmBackendSimulator> pool(String model) {
        return List.copyOf(pools.getOrDefault(model, List.of()));
    }

    public List<LlmBackendSimulator> simulators() {
        return pools.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public void close() {
        cloud.close();
        simulators().forEach(LlmBackendSimulator::close);
    }

    private static SimulatorOptions backend(String model, int number, double tokensPerSecond, long ttftMillis,
            int gpus) {
        return SimulatorOptions.builder()
                .models(model)
                .tokensPerSecond(tokensPerSecond)
                .timeToFirstToken(Duration.ofMillis(ttftMillis))
                .baseLatency(Duration.ofMillis(ttftMillis + 250))
                .gpuCount(gpus)
                .seed(1000 + number)
                .hostname("sim-gpu-node-" + number)
                .build();
    }

    /**
     * The demo's AI routes need no key, so the README's curl works as is; the flaky model falls
     * back to qwen before its first byte, so its failures show as fallbacks, not as errors.
     */
    private static AiRouteConfig demoPolicy(String model) {
        List<FallbackConfig> fallback = model.equals(DEEPSEEK) ? List.of(new FallbackConfig(QWEN, QWEN)) : List.of();
        return new AiRouteConfig(null, false, fallback, null, null, Duration.ofSeconds(5), null, null, null, null, null);
    }

    private static GatewayConfig config(String host, int port, Map<String, List<LlmBackendSimulator>> pools,
                                        CloudSimulator cloud) {
        List<RouteConfig> routes = new ArrayList<>();
        List<PoolConfig> poolConfigs = new ArrayList<>();
        pools.forEach((model, simulators) -> {
            RouteMatch match = new RouteMatch(null, PathMatch.prefix("/v1/"), null, null, List.of(model));
            routes.add(new RouteConfig(model, 100, match, model, demoPolicy(model)));
            List<EndpointConfig> endpoints = simulators.stream()
                    .map(s -> new EndpointConfig(s.host(), s.port(), null, s.baseUrl() + "/metrics"))
                    .toList();
            PoolConfig pool = new PoolConfig(model, null, endpoints, null, null);
            poolConfigs.add(model.equals(QWEN) ? pool.withDiscovery(discovery(cloud)) : pool);
        });
        return new GatewayConfig(List.of(ListenerConfig.of(host, port)), routes, poolConfigs, null);
    }

    private static DiscoveryConfig discovery(CloudSimulator cloud) {
        String url = cloud.baseUrl().toString();
        return new DiscoveryConfig(new ModelArtsDiscoveryConfig(cloud.options().region(), DemoAccount.PROJECT_ID,
                DemoAccount.SERVICE_ID, CLOUD_CREDENTIALS, url, url, null, null));
    }
}
