package dev.gatehouse.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.cloud.CloudEndpoints;
import dev.gatehouse.engine.cloud.HostEndpoint;
import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pool-and-route page: what it refuses before the summary, and the pool and route it builds. */
class GatewayFormTest {

    private final GatewayForm form = new GatewayForm();

    GatewayFormTest() {
        form.prefill("Qwen 72B (VPC)", List.of("qwen-72b"), null, Set.of("taken-pool"), Set.of("taken-route"));
    }

    @Test
    void prefillsNamesFromTheServiceAndTheModelFromTheEndpoints() {
        assertThat(form.poolNameProperty().get()).isEqualTo("qwen-72b-vpc");
        assertThat(form.modelProperty().get()).isEqualTo("qwen-72b");
        assertThat(form.vaultNameProperty().get()).isEqualTo("cloud-qwen-72b-vpc");
        assertThat(form.problem()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pool   | taken-pool | Pool name: the gateway already has a pool \"taken-pool\".",
        "pool   | bad name   | Pool name: 1 to 64 letters",
        "path   | health     | Health check path: must start with '/'.",
        "every  | 0          | Health check interval: between 1 and 3600.",
        "rate   | twenty     | Circuit breaker error rate: a whole number.",
        "route  | taken-route| Route name: the gateway already has a route \"taken-route\".",
        "model  | ' '        | Model:",
        "vault  | a/b        | Vault entry:",
    })
    void refusesAFieldAndNamesIt(String field, String value, String problem) {
        Function<GatewayForm, StringProperty> which = switch (field) {
            case "pool" -> GatewayForm::poolNameProperty;
            case "path" -> GatewayForm::healthPathProperty;
            case "every" -> GatewayForm::healthSecondsProperty;
            case "rate" -> GatewayForm::errorRatePercentProperty;
            case "route" -> GatewayForm::routeNameProperty;
            case "model" -> GatewayForm::modelProperty;
            default -> GatewayForm::vaultNameProperty;
        };
        which.apply(form).set(value);

        assertThat(form.problem()).startsWith(problem);
    }

    @Test
    void environmentCredentialsNeedNoVaultName() {
        form.vaultNameProperty().set("a/b");
        form.saveInVaultProperty().set(false);

        assertThat(form.problem()).isEmpty();
        assertThat(form.credentialsReference()).isEqualTo("env");
    }

    @Test
    void buildsThePoolWithThePagesSettingsAndDiscoveryOfTheService() {
        form.strategyProperty().set(BalancerConfig.Strategy.LEAST_CONNECTIONS);
        form.healthSecondsProperty().set("15");
        form.errorRatePercentProperty().set("35");
        CloudEndpoints sim = CloudEndpoints.allAt("cn-north-4", URI.create("http://127.0.0.1:9999"));

        PoolConfig pool = form.pool(sim, "project-1", "service-1", List.of(new HostEndpoint("http", "10.0.0.5", 8080)));
        RouteConfig route = form.route();

        assertThat(pool.balancer().strategy()).isEqualTo(BalancerConfig.Strategy.LEAST_CONNECTIONS);
        assertThat(pool.healthCheck().interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(pool.outlier().errorRateThreshold()).isEqualTo(0.35);
        assertThat(pool.endpoints()).extracting(e -> e.address()).containsExactly("10.0.0.5:8080");
        assertThat(pool.discovery().modelarts().credentials()).isEqualTo("vault:cloud-qwen-72b-vpc");
        assertThat(pool.discovery().modelarts().endpoint()).isEqualTo("http://127.0.0.1:9999");
        assertThat(route.pool()).isEqualTo(pool.name());
        assertThat(route.match().models()).containsExactly("qwen-72b");
    }
}
