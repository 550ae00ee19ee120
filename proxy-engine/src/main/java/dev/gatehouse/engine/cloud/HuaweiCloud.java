package dev.gatehouse.engine.cloud;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A connection to Huawei Cloud in one region with one set of credentials: IAM sign-in and the
 * {@link VpcApi}, {@link EcsApi} and {@link ModelArtsApi}. Every call blocks; run them on a
 * worker or virtual thread, never on an event loop or the FX thread. See package-info for the flow.
 */
public final class HuaweiCloud implements AutoCloseable {

    private final CloudHttp http;
    private final CloudEndpoints endpoints;
    private final CloudCredentials credentials;
    private final RequestAuth auth;
    private final IamTokens tokens;
    private final VpcApi vpc;
    private final EcsApi ecs;
    private final ModelArtsApi modelArts;
    private volatile String projectId;

    private HuaweiCloud(CloudEndpoints endpoints, CloudCredentials credentials, CloudOptions options,
                        CallLimiter hostEndpointLimiter) {
        this.http = new CloudHttp(options);
        this.endpoints = requireNonNull(endpoints, "endpoints");
        this.credentials = requireNonNull(credentials, "credentials");
        if (credentials instanceof CloudCredentials.Password password) {
            this.tokens = new IamTokens(http, endpoints, password);
            this.auth = tokens;
        } else {
            CloudCredentials.AccessKey key = (CloudCredentials.AccessKey) credentials;
            this.tokens = null;
            this.projectId = key.projectId();
            this.auth = new AkSkAuth(key, options.clock(), key.projectId());
        }
        CloudSession session = new CloudSession(http, auth, endpoints, this::projectId);
        this.vpc = new VpcApi(session);
        this.ecs = new EcsApi(session);
        this.modelArts = new ModelArtsApi(session, hostEndpointLimiter);
    }

    public static HuaweiCloud connect(CloudEndpoints endpoints, CloudCredentials credentials, CloudOptions options,
                                      CallLimiter hostEndpointLimiter) {
        return new HuaweiCloud(endpoints, credentials, options, requireNonNull(hostEndpointLimiter, "hostEndpointLimiter"));
    }

    /** With the default options and the sub-account limit on host-endpoint lookups. */
    public static HuaweiCloud connect(CloudEndpoints endpoints, CloudCredentials credentials) {
        CloudOptions options = CloudOptions.defaults();
        return connect(endpoints, credentials, options, CallLimiter.hostEndpoints(options.clock()));
    }

    /**
     * Proves the credentials with a real request (a token for a password, the project lookup for
     * an access key) and returns the project id of the region.
     */
    public String signIn() {
        if (tokens != null) {
            projectId = tokens.current().projectId();
            return projectId;
        }
        String path = "/v3/projects?name=" + endpoints.region();
        JsonNode projects = http.call("GET", endpoints.resolve(CloudEndpoints.IAM, path), null, auth,
                "look up the project of region " + endpoints.region(), Cancellation.none()).path("projects");
        if (projects.isEmpty()) {
            throw new CloudException(CloudException.Kind.NOT_FOUND, "the account has no project in region "
                    + endpoints.region());
        }
        String found = projects.get(0).path("id").asText();
        if (projectId != null && !projectId.equals(found)) {
            throw new CloudException(CloudException.Kind.BAD_REQUEST, "project " + projectId + " is not the project of "
                    + endpoints.region() + " (" + found + ")");
        }
        projectId = found;
        return projectId;
    }

    /** The project id of the region, signing in first if needed. */
    public String projectId() {
        String known = projectId;
        return known != null ? known : signIn();
    }

    /** The current IAM token (password credentials only), renewed when it is about to expire. */
    public IamToken token() {
        if (tokens == null) {
            throw new IllegalStateException("access key credentials sign each request and have no token");
        }
        return tokens.current();
    }

    public CloudEndpoints endpoints() {
        return endpoints;
    }

    public VpcApi vpc() {
        return vpc;
    }

    public EcsApi ecs() {
        return ecs;
    }

    public ModelArtsApi modelArts() {
        return modelArts;
    }

    @Override
    public void close() {
        http.close();
    }
}
