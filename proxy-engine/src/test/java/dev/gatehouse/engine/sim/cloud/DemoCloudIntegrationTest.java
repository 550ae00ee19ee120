package dev.gatehouse.engine.sim.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.cloud.CloudCredentials;
import dev.gatehouse.engine.cloud.CloudEndpoints;
import dev.gatehouse.engine.cloud.HostEndpoint;
import dev.gatehouse.engine.cloud.HuaweiCloud;
import dev.gatehouse.engine.config.ConfigValidator;
import dev.gatehouse.engine.config.EndpointConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.sim.DemoEnvironment;

import org.junit.jupiter.api.Test;

class DemoCloudIntegrationTest {

    @Test
    void demoCloudServesTheQwenBackendsAsHostEndpointsAndTheQwenPoolDiscoversThem() {
        try (DemoEnvironment demo = DemoEnvironment.start("127.0.0.1", 0)) {
            PoolConfig qwen = demo.config().pools().stream().filter(p -> p.name().equals(DemoEnvironment.QWEN))
                    .findFirst().orElseThrow();
            try (HuaweiCloud cloud = HuaweiCloud.connect(
                    CloudEndpoints.allAt(demo.cloud().options().region(), demo.cloud().baseUrl()),
                    new CloudCredentials.Password(DemoAccount.DOMAIN, DemoAccount.USER, DemoAccount.PASSWORD))) {

                assertThat(cloud.modelArts().hostEndpoints(qwen.discovery().modelarts().serviceId()))
                        .extracting(HostEndpoint::address)
                        .containsExactlyElementsOf(qwen.endpoints().stream().map(EndpointConfig::address).toList());
            }
            assertThat(qwen.discovery().modelarts().credentials()).isEqualTo(DemoEnvironment.CLOUD_CREDENTIALS);
            assertThat(qwen.discovery().modelarts().endpoint()).isEqualTo(demo.cloud().baseUrl().toString());
            assertThat(ConfigValidator.validate(demo.config())).isEmpty();
        }
    }
}
