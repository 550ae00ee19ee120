package dev.gatehouse.ui.wizard;

import dev.gatehouse.engine.cloud.CloudCredentials;
import dev.gatehouse.engine.cloud.CredentialVault;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.ModelArtsDiscoveryConfig;
import dev.gatehouse.engine.config.PoolConfig;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated cloud the console's demo runs, as the first page fills it in: found in the running
 * config (a pool discovered from a ModelArts endpoint on loopback) with the credentials the app
 * saved for it in the vault. A real cloud is never prefilled this way.
 */
record SimulatorPrefill(String region, URI endpoint, String vaultName, CloudCredentials credentials) {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    /** Blocking (reads the vault); empty when the console does not serve the demo. */
    static Optional<SimulatorPrefill> find(GatewayConfig running, CredentialVault vault) {
        if (vault == null) {
            return Optional.empty();
        }
        for (PoolConfig pool : running.pools()) {
            ModelArtsDiscoveryConfig source = pool.discovery() == null ? null : pool.discovery().modelarts();
            if (source == null || source.endpoint() == null || !source.credentials().startsWith("vault:")) {
                continue;
            }
            URI endpoint = URI.create(source.endpoint());
            if (endpoint.getHost() == null || !LOOPBACK.contains(endpoint.getHost())) {
                continue;
            }
            String name = source.credentials().substring("vault:".length());
            try {
                Optional<CloudCredentials> saved = vault.load(name);
                if (saved.isPresent()) {
                    return Optional.of(new SimulatorPrefill(source.region(), endpoint, name, saved.get()));
                }
            } catch (IOException e) {
                return Optional.empty(); // an unreadable vault only means nothing is prefilled
            }
        }
        return Optional.empty();
    }
}
