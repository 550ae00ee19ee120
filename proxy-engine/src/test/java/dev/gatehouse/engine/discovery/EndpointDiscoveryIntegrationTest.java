package dev.gatehouse.engine.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.admin.EmbeddedGatewayControl;
import dev.gatehouse.engine.admin.EndpointStatus;
import dev.gatehouse.engine.admin.PoolHealth;
import dev.gatehouse.engine.admin.ServedConfig;
import dev.gatehouse.engine.admin.TrafficRecords;
import dev.gatehouse.engine.cloud.CloudCredentials;
import dev.gatehouse.engine.cloud.CloudOptions;
import dev.gatehouse.engine.cloud.CredentialVault;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.DiscoveryConfig;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.ModelArtsDiscoveryConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.health.HealthState;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.sim.cloud.CloudSimOptions;
import dev.gatehouse.engine.sim.cloud.CloudSimulator;
import dev.gatehouse.engine.sim.cloud.DemoAccount;
import dev.gatehouse.engine.sim.cloud.SimHostEndpoint;
import dev.gatehouse.engine.telemetry.Telemetry;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.Gateways;
import dev.gatehouse.engine.testing.MutableClock;
import dev.gatehouse.engine.testing.Simulators;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pool whose endpoints come from the simulated ModelArts service: chat completions through the
 * gateway reach the discovered backends, and a backend that leaves the service is drained (its
 * stream finishes, new requests go elsewhere) before it leaves the pool.
 */
class EndpointDiscoveryIntegrationTest {

    private final Closer closer = new Closer();
    private final MutableClock clock = new MutableClock("2026-11-25T12:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    private CloudSimulator cloud;
    private GatewayEngine engine;
    private EmbeddedGatewayControl control;
    private EndpointDiscovery discovery;

    @BeforeEach
    void setUp() throws Exception {
        cloud = closer.add(new CloudSimulator(CloudSimOptions.defaults().withClock(clock)).start());
        CredentialVault vault = CredentialVault.open(dir.resolve("state"));
        vault.save("sim", new CloudCredentials.Password(DemoAccount.DOMAIN, DemoAccount.USER, DemoAccount.PASSWORD));
        ModelArtsDiscoveryConfig source = new ModelArtsDiscoveryConfig("cn-north-4", null, DemoAccount.SERVICE_ID,
                "vault:sim", cloud.baseUrl().toString(), cloud.baseUrl().toString(), null, null);
        PoolConfig pool = new PoolConfig("qwen", null, List.of(), Gateways.NO_ACTIVE_CHECKS, Gateways.NO_OUTLIER_DETECTION)
                .withDiscovery(new DiscoveryConfig(source));
        GatewayConfig config = Gateways.oneRoute(pool);
        engine = closer.add(GatewayEngine.start(config, EngineOptions.defaults().withWorkerThreads(1)));
        ServedConfig served = ServedConfig.inStore(engine, new ConfigStore(dir.resolve("store")));
        served.recordRunning();
        control = new EmbeddedGatewayControl(served, TrafficRecords.withoutLog(new Telemetry(clock)), clock);
        discovery = closer.add(new EndpointDiscovery(control,
                new ModelArtsSources(CredentialResolver.standard(vault, Map.of()), CloudOptions.defaults()
                        .withClock(clock, (duration, cancellation, doing) -> clock.advance(duration))), clock));
    }

    @AfterEach
    void tearDown() throws Exception {
        closer.close();
    }

    @Test
    void chatCompletionsReachTheEndpointsDiscoveredFromTheService() throws Exception {
        LlmBackendSimulator a = backend(200);
        LlmBackendSimulator b = backend(200);
        cloud.setHostEndpoints(List.of(SimHostEndpoint.http("127.0.0.1", a.port()), SimHostEndpoint.http("127.0.0.1", b.port())));

        assertThat(discovery.refresh()).isTrue();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = chat(false).get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"chat.completion\"");
        }

        assertThat(endpointsOf(control.config().config())).containsExactly(address(a), address(b));
        assertThat(a.stats().requestsReceived()).isEqualTo(3);
        assertThat(b.stats().requestsReceived()).isEqualTo(3);
        assertThat(discovery.status()).singleElement().satisfies(s -> {
            assertThat(s.found()).containsExactly(address(a), address(b));
            assertThat(s.lastError()).isNull();
        });
        assertThat(discovery.refresh()).as("nothing changed, and no lookup before the interval").isFalse();
        assertThat(control.versions()).hasSize(1);
    }

    @Test
    void endpointThatLeavesTheServiceIsDrainedNotCut() throws Exception {
        LlmBackendSimulator leaving = backend(20);
        LlmBackendSimulator staying = backend(200);
        cloud.setHostEndpoints(List.of(SimHostEndpoint.http("127.0.0.1", leaving.port())));
        discovery.refresh();
        CompletableFuture<HttpResponse<String>> stream = chat(true);
        await().until(() -> status(address(leaving)).inFlight() == 1);

        cloud.setHostEndpoints(List.of(SimHostEndpoint.http("127.0.0.1", staying.port())));
        clock.advance(ModelArtsDiscoveryConfig.DEFAULT_INTERVAL);
        discovery.refresh();

        assertThat(status(address(leaving)).state()).isEqualTo(HealthState.DRAINING);
        assertThat(discovery.status().get(0).draining()).containsExactly(address(leaving));
        for (int i = 0; i < 3; i++) {
            assertThat(chat(false).get().statusCode()).isEqualTo(200);
        }
        assertThat(staying.stats().requestsReceived()).isEqualTo(3);
        assertThat(leaving.stats().requestsReceived()).isEqualTo(1);
        HttpResponse<String> streamed = stream.get();
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.body()).contains("\"finish_reason\":\"stop\"").endsWith("data: [DONE]\n\n");

        await().until(() -> status(address(leaving)).inFlight() == 0);
        discovery.refresh();

        assertThat(endpointsOf(control.config().config())).containsExactly(address(staying));
        assertThat(discovery.status().get(0).draining()).isEmpty();
    }

    @Test
    void failedLookupKeepsThePoolAsItIs() throws Exception {
        LlmBackendSimulator a = backend(200);
        cloud.setHostEndpoints(List.of(SimHostEndpoint.http("127.0.0.1", a.port())));
        discovery.refresh();
        cloud.close();

        clock.advance(ModelArtsDiscoveryConfig.DEFAULT_INTERVAL);
        assertThat(discovery.refresh()).isFalse();

        assertThat(endpointsOf(control.config().config())).containsExactly(address(a));
        assertThat(discovery.status().get(0).lastError()).contains("did not answer");
        assertThat(chat(false).get().statusCode()).isEqualTo(200);
    }

    @Test
    void refreshesOfTwoPoolsOnOneAccountStayWithinTheLookupLimit() throws Exception {
        LlmBackendSimulator a = backend(200);
        cloud.setHostEndpoints(List.of(SimHostEndpoint.http("127.0.0.1", a.port())));
        PoolConfig first = control.config().config().pools().get(0);
        ModelArtsDiscoveryConfig eager = new ModelArtsDiscoveryConfig("cn-north-4", null, DemoAccount.SERVICE_ID,
                "vault:sim", cloud.baseUrl().toString(), cloud.baseUrl().toString(), ModelArtsDiscoveryConfig.MIN_INTERVAL, null);
        List<PoolConfig> pools = List.of(first.withDiscovery(new DiscoveryConfig(eager)),
                new PoolConfig("qwen-b", null, List.of(), Gateways.NO_ACTIVE_CHECKS, Gateways.NO_OUTLIER_DETECTION)
                        .withDiscovery(new DiscoveryConfig(eager)));
        control.apply(dev.gatehouse.engine.admin.ApplyRequest.unconditional(control.config().config().withPools(pools)));

        // Three minutes, a pass a second: the two pools would like 40 lookups a minute between them.
        for (int second = 0; second < 180; second++) {
            discovery.refresh();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(cloud.throttledRequests()).isZero();
        assertThat(cloud.hostEndpointLookups()).isLessThanOrEqualTo(3L * 20).isGreaterThan(3L * 20 / 2);
        assertThat(control.config().config().pools()).allSatisfy(p ->
                assertThat(p.endpoints()).extracting(EndpointConfig::address).containsExactly(address(a)));
    }

    private LlmBackendSimulator backend(double tokensPerSecond) {
        return Simulators.start(closer, SimulatorOptions.builder().models("qwen-72b").tokensPerSecond(tokensPerSecond)
                .timeToFirstToken(Duration.ofMillis(5)).baseLatency(Duration.ofMillis(5)));
    }

    private CompletableFuture<HttpResponse<String>> chat(boolean stream) {
        int port = engine.addresses().get(0).getPort();
        String body = "{\"model\":\"qwen-72b\",\"max_tokens\":" + (stream ? 30 : 3) + ",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private EndpointStatus status(String address) {
        return control.endpointHealth().stream().map(PoolHealth::endpoints).flatMap(List::stream)
                .filter(e -> e.address().equals(address)).findFirst().orElseThrow();
    }

    private static List<String> endpointsOf(GatewayConfig config) {
        return config.pools().get(0).endpoints().stream().map(EndpointConfig::address).toList();
    }

    private static String address(LlmBackendSimulator sim) {
        return "127.0.0.1:" + sim.port();
    }
}
