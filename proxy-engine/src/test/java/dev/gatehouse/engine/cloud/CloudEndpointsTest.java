package dev.gatehouse.engine.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CloudEndpointsTest {

    @Test
    void regionNameGivesEachServicesPublicEndpoint() {
        CloudEndpoints endpoints = CloudEndpoints.of("cn-north-4");

        assertThat(endpoints.resolve(CloudEndpoints.MODELARTS, "/v1/p/services"))
                .isEqualTo(URI.create("https://modelarts.cn-north-4.myhuaweicloud.com/v1/p/services"));
        assertThat(endpoints.base(CloudEndpoints.IAM)).isEqualTo(URI.create("https://iam.cn-north-4.myhuaweicloud.com"));
    }

    @Test
    void overrideReplacesOneServiceOnly() {
        CloudEndpoints endpoints = CloudEndpoints.of("ap-southeast-1").with(CloudEndpoints.VPC, URI.create("http://127.0.0.1:9443/"));

        assertThat(endpoints.resolve(CloudEndpoints.VPC, "/v1/p/vpcs")).isEqualTo(URI.create("http://127.0.0.1:9443/v1/p/vpcs"));
        assertThat(endpoints.base(CloudEndpoints.ECS)).isEqualTo(URI.create("https://ecs.ap-southeast-1.myhuaweicloud.com"));
    }

    @Test
    void badRegionOrServiceIsRefusedClearly() {
        assertThatThrownBy(() -> CloudEndpoints.of("CN North 4")).hasMessage("region must look like \"cn-north-4\", got \"CN North 4\"");
        assertThatThrownBy(() -> CloudEndpoints.of("cn-north-4").with("obs", URI.create("http://x")))
                .hasMessageContaining("unknown service \"obs\"");
    }

    @Test
    void credentialsNeverShowTheirSecrets() {
        assertThat(new CloudCredentials.Password("acme", "ops", "S3cret").toString()).doesNotContain("S3cret");
        assertThat(new CloudCredentials.AccessKey("AKIDLONGACCESSKEY", "SK-value", null).toString())
                .doesNotContain("SK-value").doesNotContain("AKIDLONGACCESSKEY").contains("AKID***");
    }
}
