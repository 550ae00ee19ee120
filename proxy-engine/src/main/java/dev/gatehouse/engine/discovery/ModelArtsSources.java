package dev.gatehouse.engine.discovery;

import dev.gatehouse.engine.cloud.CallLimiter;
import dev.gatehouse.engine.cloud.CloudCredentials;
import dev.gatehouse.engine.cloud.CloudEndpoints;
import dev.gatehouse.engine.cloud.CloudOptions;
import dev.gatehouse.engine.cloud.HostEndpoint;
import dev.gatehouse.engine.cloud.HuaweiCloud;
import dev.gatehouse.engine.config.ModelArtsDiscoveryConfig;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens ModelArts host-endpoint sources through the cloud client. Pools that use the same
 * credentials share one {@link CallLimiter}, since the cloud counts lookups per account, not per pool.
 */
public final class ModelArtsSources implements SourceFactory {

    private final CredentialResolver credentials;
    private final CloudOptions options;
    private final Map<String, CallLimiter> limiters = new ConcurrentHashMap<>();

    public ModelArtsSources(CredentialResolver credentials, CloudOptions options) {
        this.credentials = credentials;
        this.options = options;
    }

    @Override
    public HostEndpointSource open(String pool, ModelArtsDiscoveryConfig config) {
        CloudEndpoints endpoints = CloudEndpoints.of(config.region());
        if (config.endpoint() != null) {
            endpoints = endpoints.with(CloudEndpoints.MODELARTS, URI.create(config.endpoint()));
        }
        if (config.iamEndpoint() != null) {
            endpoints = endpoints.with(CloudEndpoints.IAM, URI.create(config.iamEndpoint()));
        }
        CallLimiter limiter = limiters.computeIfAbsent(config.credentials() + "@" + config.region(),
                key -> CallLimiter.hostEndpoints(options.clock()));
        CloudCredentials resolved = credentials.resolve(config.credentials());
        if (resolved instanceof CloudCredentials.AccessKey key && key.projectId() == null && config.projectId() != null) {
            resolved = new CloudCredentials.AccessKey(key.accessKey(), key.secretKey(), config.projectId());
        }
        HuaweiCloud cloud = HuaweiCloud.connect(endpoints, resolved, options, limiter);
        return new HostEndpointSource() {
            @Override
            public List<HostEndpoint> lookup() {
                return cloud.modelArts().hostEndpoints(config.serviceId());
            }

            @Override
            public void close() {
                cloud.close();
            }
        };
    }
}
