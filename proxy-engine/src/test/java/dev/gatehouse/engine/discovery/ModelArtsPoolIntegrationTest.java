package dev.gatehouse.engine.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.admin.ApplyRequest;
import dev.gatehouse.engine.admin.EmbeddedGatewayControl;
import dev.gatehouse.engine.admin.ServedConfig;
import dev.gatehouse.engine.admin.TrafficRecords;
import dev.gatehouse.engine.cloud.CloudCredentials;
import dev.gatehouse.engine.cloud.CloudEndpoints;
import dev.gatehouse.engine.cloud.CloudOptions;
import dev.gatehouse.engine.cloud.CredentialVault;
import dev.gatehouse.engine.cloud.HostEndpoint;
import dev.gatehouse.engine.cloud.HuaweiCloud;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.ConfigValidator;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.sim.cloud.CloudSimOptions;
import dev.gatehouse.engine.sim.cloud.CloudSimulator;
import dev.gatehouse.engine.sim.cloud.DemoAccount;
import dev.gatehouse.engine.sim.cloud.SimHostEndpoint;
import dev.gatehouse.engine.telemetry.Telemetry;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.MutableClock;
import dev.gatehouse.engine.testing.Simulators;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's last steps without the wizard: check the host endpoints, propose the pool, apply it, send a chat. */
class ModelArtsPoolIntegrationTest {

    private final Closer closer = new Closer();
    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        closer.close();
    }

    @Test
    void checkedHostEndpointsBecomeADiscoveredPoolThatServesAChat() throws Exception {
        LlmBackendSimulator backend = Simulators.start(closer, SimulatorOptions.builder().models("qwen-72b"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CloudSimulator sim = closer.add(new CloudSimulator(CloudSimOptions.defaults()).start());
        sim.setHostEndpoints(List.of(SimHostEndpoint.http("127.0.0.1", backend.port()), SimHostEndpoint.http("127.0.0.1", closedPort)));
        CloudEndpoints endpoints = CloudEndpoints.allAt("cn-north-4", sim.baseUrl());
        CloudCredentials credentials = new CloudCredentials.Password(DemoAccount.DOMAIN, DemoAccount.USER, DemoAccount.PASSWORD);
        HuaweiCloud cloud = closer.add(HuaweiCloud.connect(endpoints, credentials));

        List<HostEndpoint> found = cloud.modelArts().hostEndpoints(DemoAccount.SERVICE_ID);
        List<HostEndpointCheck.Result> checks = found.stream().map(e -> HostEndpointCheck.check(e, Duration.ofSeconds(2))).toList();
        List<HostEndpoint> working = checks.stream().filter(HostEndpointCheck.Result::ok).map(HostEndpointCheck.Result::endpoint).toList();

        assertThat(checks).extracting(HostEndpointCheck.Result::status).containsExactly(200, 0);
        assertThat(checks.get(1).problem()).contains("no answer from http://127.0.0.1:" + closedPort + "/v1/models");

        CredentialVault vault = CredentialVault.open(dir.resolve("cloud"));
        vault.save("wizard", credentials);
        PoolConfig pool = ModelArtsPool.pool("qwen-modelarts", endpoints, cloud.projectId(), DemoAccount.SERVICE_ID,
                "vault:wizard", working);
        GatewayConfig empty = new GatewayConfig(List.of(ListenerConfig.of("127.0.0.1", 0)), List.of(), List.of(), null);
        GatewayEngine engine = closer.add(GatewayEngine.start(empty, EngineOptions.defaults().withWorkerThreads(1)));
        ServedConfig served = ServedConfig.inStore(engine, new ConfigStore(dir.resolve("store")));
        served.recordRunning();
        EmbeddedGatewayControl control = new EmbeddedGatewayControl(served,
                TrafficRecords.withoutLog(new Telemetry(Clock.systemUTC())), Clock.systemUTC());
        GatewayConfig proposed = ModelArtsPool.addTo(empty, pool, ModelArtsPool.route("qwen-72b", pool.name()));
        assertThat(ConfigValidator.validate(proposed)).isEmpty();
        control.apply(ApplyRequest.unconditional(proposed));
        HttpResponse<String> chat = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + engine.addresses().get(0).getPort() + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"qwen-72b\",\"max_tokens\":3,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(chat.statusCode()).isEqualTo(200);
        assertThat(backend.stats().requestsReceived()).isEqualTo(1);
        assertThat(pool.discovery().modelarts().endpoint()).isEqualTo(sim.baseUrl().toString());

        // From now on the service's list rules: the endpoint that failed the check joins too, for
        // the pool's health checks to judge (it may only have been starting).
        EndpointDiscovery discovery = closer.add(new EndpointDiscovery(control,
                new ModelArtsSources(CredentialResolver.standard(vault, Map.of()), CloudOptions.defaults()),
                new MutableClock("2026-11-25T12:00:00Z")));
        assertThat(discovery.refresh()).isTrue();
        assertThat(control.config().config().pools().get(0).endpoints()).hasSize(2);
    }
}
