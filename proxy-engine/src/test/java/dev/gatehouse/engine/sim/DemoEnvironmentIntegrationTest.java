package dev.gatehouse.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoEnvironmentIntegrationTest {

    @Test
    void startsFiveBackendsInThreePoolsWithOneRoutePerModel() {
        try (DemoEnvironment demo = DemoEnvironment.start("127.0.0.1", 18080)) {
            GatewayConfig config = demo.config();

            assertThat(config.listeners()).singleElement()
                    .satisfies(l -> assertThat(l.host() + ":" + l.port()).isEqualTo("127.0.0.1:18080"));
            assertThat(config.routes()).extracting(RouteConfig::name)
                    .containsExactly("qwen-72b", "llama-3-8b", "deepseek-r1");
            for (RouteConfig route : config.routes()) {
                assertThat(route.match().models()).containsExactly(route.name());
                assertThat(route.match().path()).isEqualTo(PathMatch.prefix("/v1/"));
                assertThat(config.pool(route.pool())).isNotNull();
            }
            assertThat(config.pools()).extracting(p -> p.endpoints().size()).containsExactly(2, 2, 1);
            assertThat(demo.simulators()).hasSize(5);
            assertThat(demo.pool("deepseek-r1").get(0).options().errorRate()).isEqualTo(0.15);
            assertThat(demo.pool("llama-3-8b")).extracting(s -> s.options().tokensPerSecond())
                    .anySatisfy(tps -> assertThat(tps).isLessThanOrEqualTo(15.0));
        }
    }

    @Test
    void everyEndpointInTheConfigAnswersHealthAndServesItsPoolsModel() {
        try (DemoEnvironment demo = DemoEnvironment.start("127.0.0.1", 0)) {
            for (PoolConfig pool : demo.config().pools()) {
                List<LlmBackendSimulator> simulators = demo.pool(pool.name());
                for (int i = 0; i < pool.endpoints().size(); i++) {
                    EndpointConfig endpoint = pool.endpoints().get(i);
                    LlmBackendSimulator sim = simulators.get(i);
                    assertThat(endpoint.port()).isEqualTo(sim.port());
                    assertThat(endpoint.metricsUrl()).isEqualTo(sim.baseUrl() + "/metrics");
                    assertThat(SimHttp.get(sim, "/health").statusCode()).isEqualTo(200);
                    assertThat(SimHttp.json(SimHttp.get(sim, "/v1/models").body()).path("data").get(0)
                            .path("id").asText()).isEqualTo(pool.name());
                }
            }
        }
    }
}
