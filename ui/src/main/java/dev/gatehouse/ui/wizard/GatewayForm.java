package dev.gatehouse.ui.wizard;

import dev.gatehouse.engine.cloud.CloudEndpoints;
import dev.gatehouse.engine.cloud.HostEndpoint;
import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.config.HealthCheckConfig;
import dev.gatehouse.engine.config.OutlierConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.discovery.ModelArtsPool;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The pool-and-route page: the new pool's strategy (least latency, as {@link ModelArtsPool}
 * proposes), health check and circuit breaker (prefilled with seed 001's values), where discovery finds the credentials (the vault or the environment),
 * and the route that sends a model to the pool. Builds the config records Apply adds.
 */
public final class GatewayForm {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PATH = Pattern.compile("/[^\\s]*");

    private final StringProperty poolName = new SimpleStringProperty("");
    private final ObjectProperty<BalancerConfig.Strategy> strategy =
            new SimpleObjectProperty<>(BalancerConfig.Strategy.LEAST_LATENCY);
    private final StringProperty healthPath = new SimpleStringProperty("/health");
    private final StringProperty healthSeconds = new SimpleStringProperty("10");
    private final StringProperty failuresToEject = new SimpleStringProperty("3");
    private final StringProperty errorRatePercent = new SimpleStringProperty("20");
    private final StringProperty halfOpenSeconds = new SimpleStringProperty("30");
    private final StringProperty routeName = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("");
    private final BooleanProperty saveInVault = new SimpleBooleanProperty(true);
    private final StringProperty vaultName = new SimpleStringProperty("");
    private Set<String> takenPools = Set.of();
    private Set<String> takenRoutes = Set.of();

    /** Prefills names from the service and the model its endpoints serve; keeps what the user typed. */
    void prefill(String serviceName, List<String> models, String suggestedVaultName, Set<String> pools, Set<String> routes) {
        takenPools = Set.copyOf(pools);
        takenRoutes = Set.copyOf(routes);
        String base = serviceName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^-+|-+$", "");
        fillIfBlank(poolName, base);
        fillIfBlank(routeName, base);
        fillIfBlank(model, models.isEmpty() ? serviceName : models.get(0));
        fillIfBlank(vaultName, suggestedVaultName != null ? suggestedVaultName : "cloud-" + base);
    }

    private static void fillIfBlank(StringProperty field, String value) {
        if (field.get().isBlank()) {
            field.set(value);
        }
    }

    /** The first problem, naming the field, or "" when the summary may be shown. */
    String problem() {
        if (!NAME.matcher(poolName.get()).matches()) {
            return "Pool name: 1 to 64 letters, digits, '.', '_' or '-'.";
        }
        if (takenPools.contains(poolName.get())) {
            return "Pool name: the gateway already has a pool \"" + poolName.get() + "\".";
        }
        if (!PATH.matcher(healthPath.get()).matches()) {
            return "Health check path: must start with '/'.";
        }
        String numbers = whole(healthSeconds, "Health check interval", 1, 3600)
                + whole(failuresToEject, "Failures before marked down", 1, 100)
                + whole(errorRatePercent, "Circuit breaker error rate", 1, 100)
                + whole(halfOpenSeconds, "Circuit breaker retry after", 1, 3600);
        if (!numbers.isEmpty()) {
            return numbers;
        }
        if (!NAME.matcher(routeName.get()).matches()) {
            return "Route name: 1 to 64 letters, digits, '.', '_' or '-'.";
        }
        if (takenRoutes.contains(routeName.get())) {
            return "Route name: the gateway already has a route \"" + routeName.get() + "\".";
        }
        if (model.get().isBlank()) {
            return "Model: the model name requests carry, for example qwen-72b.";
        }
        return saveInVault.get() && !NAME.matcher(vaultName.get()).matches()
                ? "Vault entry: 1 to 64 letters, digits, '.', '_' or '-'." : "";
    }

    private static String whole(StringProperty field, String name, int min, int max) {
        try {
            int value = Integer.parseInt(field.get().strip());
            return value >= min && value <= max ? "" : name + ": between " + min + " and " + max + ". ";
        } catch (NumberFormatException e) {
            return name + ": a whole number. ";
        }
    }

    /** The discovery's reference to the credentials: never the secrets themselves. */
    String credentialsReference() {
        return saveInVault.get() ? "vault:" + vaultName.get() : "env";
    }

    /**
     * The new pool: the checked endpoints now, kept in step with the service by discovery from
     * then on (as {@link ModelArtsPool} proposes it), with this page's strategy, checks and breaker.
     */
    PoolConfig pool(CloudEndpoints at, String projectId, String serviceId, List<HostEndpoint> checked) {
        PoolConfig proposed = ModelArtsPool.pool(poolName.get(), at, projectId, serviceId, credentialsReference(), checked);
        HealthCheckConfig health = new HealthCheckConfig(true, healthPath.get(), seconds(healthSeconds), null,
                number(failuresToEject), null);
        OutlierConfig breaker = new OutlierConfig(true, number(errorRatePercent) / 100.0, null, null,
                seconds(halfOpenSeconds), null);
        return new PoolConfig(poolName.get(), BalancerConfig.of(strategy.get()), proposed.endpoints(), health, breaker)
                .withDiscovery(proposed.discovery());
    }

    /** The AI route {@link ModelArtsPool} proposes (requests naming the model under /v1/), under this page's name. */
    RouteConfig route() {
        RouteConfig proposed = ModelArtsPool.route(model.get().strip(), poolName.get());
        return new RouteConfig(routeName.get(), proposed.priority(), proposed.match(), proposed.pool(), proposed.ai());
    }

    private static int number(StringProperty field) {
        return Integer.parseInt(field.get().strip());
    }

    private static Duration seconds(StringProperty field) {
        return Duration.ofSeconds(number(field));
    }

    Observable[] fields() {
        return new Observable[] {poolName, strategy, healthPath, healthSeconds, failuresToEject, errorRatePercent,
            halfOpenSeconds, routeName, model, saveInVault, vaultName};
    }

    public StringProperty poolNameProperty() {
        return poolName;
    }

    public ObjectProperty<BalancerConfig.Strategy> strategyProperty() {
        return strategy;
    }

    public StringProperty healthPathProperty() {
        return healthPath;
    }

    public StringProperty healthSecondsProperty() {
        return healthSeconds;
    }

    public StringProperty failuresToEjectProperty() {
        return failuresToEject;
    }

    public StringProperty errorRatePercentProperty() {
        return errorRatePercent;
    }

    public StringProperty halfOpenSecondsProperty() {
        return halfOpenSeconds;
    }

    public StringProperty routeNameProperty() {
        return routeName;
    }

    public StringProperty modelProperty() {
        return model;
    }

    /** True: save the credentials encrypted in the vault; false: "env", nothing stored. */
    public BooleanProperty saveInVaultProperty() {
        return saveInVault;
    }

    public StringProperty vaultNameProperty() {
        return vaultName;
    }
}
